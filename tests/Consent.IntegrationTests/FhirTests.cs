using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using static ConsentPlatform.Consent.IntegrationTests.Support.Api;
using FhirConsent = Hl7.Fhir.Model.Consent;
using Task = System.Threading.Tasks.Task;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// The FHIR R4 facade's Consent routes (issue 21) on the real service: the same token and the same
/// rules of who may see what as <c>/api/consents</c>, every version from the consent's own events,
/// errors as OperationOutcome with the HTTP status.
/// </summary>
public sealed class FhirTests(ConsentApi api)
{
    private const string School = Support.Api.Org;

    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<T> ResourceAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return Assert.IsType<T>(JsonSerializer.Deserialize<Resource>(body, Fhir));
    }

    private static async Task<OperationOutcome.IssueComponent> OutcomeAsync(HttpResponseMessage response, HttpStatusCode status, OperationOutcome.IssueType code)
    {
        var outcome = await ResourceAsync<OperationOutcome>(response, status);
        Assert.NotEmpty(outcome.Issue);
        Assert.All(outcome.Issue, i => Assert.Equal(code, i.Code));
        return outcome.Issue[0];
    }

    [Fact]
    public async Task Read_gives_the_consent_as_FHIR_with_its_version_as_a_weak_etag()
    {
        using var carer = await api.YoungCarerGrantsAsync(recipientOrgIds: [School], dataCategories: ["caring.role"]);

        using var response = await carer.Client.ReadAsync($"/fhir/Consent/{carer.Consent.Id}");

        var resource = await ResourceAsync<FhirConsent>(response);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(carer.Consent.Id.ToString(), resource.Id);
        Assert.Equal(FhirConsent.ConsentState.Active, resource.Status);
        Assert.Equal(carer.Subject, resource.Patient!.Identifier!.Value);
        Assert.Equal(School, Assert.Single(resource.Provision!.Actor).Reference!.Identifier!.Value);
        Assert.Equal("caring.role", Assert.Single(resource.Provision.Code).Coding[0].Code);
    }

    [Fact]
    public async Task A_consent_paused_and_resumed_has_three_versions_in_its_history_each_matching_the_JSON_API()
    {
        using var carer = await api.YoungCarerGrantsAsync();
        (await carer.ActAsync("pause")).Dispose();
        (await carer.ActAsync("resume")).Dispose();
        var json = await carer.HistoryAsync();

        using var response = await carer.Client.ReadAsync($"/fhir/Consent/{carer.Consent.Id}/_history");

        var bundle = await ResourceAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.History, bundle.Type);
        Assert.Equal(3, bundle.Total);
        var versions = bundle.Entry.Select(e => Assert.IsType<FhirConsent>(e.Resource)).Reverse().ToList();
        Assert.Equal(3, versions.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(json[i].Version.ToString(System.Globalization.CultureInfo.InvariantCulture), versions[i].Meta!.VersionId);
            Assert.Equal(json[i].Consent.Status, versions[i].Meta!.Tag[0].Code);
            Assert.Equal(json[i].OccurredAt, versions[i].Meta!.LastUpdated);
            Assert.Equal(json[i].Consent.Purpose, versions[i].Provision!.Purpose[0].Code);

            using var vread = await carer.Client.ReadAsync($"/fhir/Consent/{carer.Consent.Id}/_history/{json[i].Version}");
            var one = await ResourceAsync<FhirConsent>(vread);
            Assert.Equal(json[i].Consent.Status, one.Meta!.Tag[0].Code);
            Assert.Equal($"W/\"{json[i].Version}\"", vread.Headers.ETag?.ToString());
        }

        Assert.Equal([FhirConsent.ConsentState.Active, FhirConsent.ConsentState.Inactive, FhirConsent.ConsentState.Active], versions.Select(v => v.Status!.Value));
        Assert.Equal([Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.POST], bundle.Entry.Select(e => e.Request!.Method!.Value));
    }

    [Fact]
    public async Task An_unknown_id_or_version_is_404_with_an_OperationOutcome()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        foreach (var path in new[] { $"/fhir/Consent/{Guid.NewGuid()}", "/fhir/Consent/not-a-guid", $"/fhir/Consent/{Guid.NewGuid()}/_history", $"/fhir/Consent/{carer.Consent.Id}/_history/2", $"/fhir/Consent/{carer.Consent.Id}/_history/x" })
        {
            using var response = await carer.Client.ReadAsync(path);
            await OutcomeAsync(response, HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        }
    }

    [Fact]
    public async Task Another_young_carers_consent_is_404_exactly_like_an_unknown_id_and_their_search_is_an_empty_Bundle()
    {
        using var owner = await api.YoungCarerGrantsAsync();
        using var stranger = api.YoungCarer(NewSubject());

        using var read = await stranger.ReadAsync($"/fhir/Consent/{owner.Consent.Id}");
        using var history = await stranger.ReadAsync($"/fhir/Consent/{owner.Consent.Id}/_history");
        using var search = await stranger.ReadAsync($"/fhir/Consent?patient={owner.Subject}");

        await OutcomeAsync(read, HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(history, HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        var bundle = await ResourceAsync<Bundle>(search);
        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
        foreach (var response in new[] { read, history, search })
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain("school-support", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_gives_exactly_the_consents_the_caller_may_see()
    {
        var subject = NewSubject();
        using var carer = api.YoungCarer(subject);
        var named = await carer.GrantedAsync(GrantBody(subject, recipientOrgIds: [School]));
        var elsewhere = await carer.GrantedAsync(GrantBody(subject, purpose: "gp-carer-register", recipientOrgIds: ["gp-9"]));
        using var practitioner = api.Practitioner();
        using var auditor = api.Auditor();

        static async Task<IReadOnlyList<string?>> IdsAsync(HttpClient client, string query)
        {
            using var response = await client.ReadAsync($"/fhir/Consent?{query}");
            return [.. (await ResourceAsync<Bundle>(response)).Entry.Select(e => e.Resource!.Id)];
        }

        Assert.Equal([elsewhere.Id.ToString(), named.Id.ToString()], await IdsAsync(carer, string.Empty));
        Assert.Equal([elsewhere.Id.ToString(), named.Id.ToString()], await IdsAsync(carer, $"patient=Patient/{subject}"));
        Assert.Equal([named.Id.ToString()], await IdsAsync(practitioner, $"patient={subject}"));
        Assert.Equal([elsewhere.Id.ToString(), named.Id.ToString()], await IdsAsync(auditor, $"patient={subject}"));
        (await carer.ActAsync(named.Id, "pause")).Dispose();
        Assert.Equal([named.Id.ToString()], await IdsAsync(auditor, $"patient={subject}&status=inactive"));
        Assert.Equal([elsewhere.Id.ToString()], await IdsAsync(auditor, $"patient={subject}&status=active,proposed"));
        using var other = api.Practitioner("gp-1");
        Assert.Empty(await IdsAsync(other, $"patient={subject}"));
    }

    [Fact]
    public async Task Search_pages_with_absolute_links_that_lead_to_the_rest()
    {
        var subject = NewSubject();
        using var carer = api.YoungCarer(subject);
        foreach (var purpose in new[] { "school-support", "gp-carer-register", "needs-assessment" })
        {
            await carer.GrantedAsync(GrantBody(subject, purpose: purpose));
        }

        using var first = await carer.ReadAsync($"/fhir/Consent?patient={subject}&_count=2");
        var page1 = await ResourceAsync<Bundle>(first);
        Assert.Equal(3, page1.Total);
        Assert.Equal(2, page1.Entry.Count);
        var next = new Uri(page1.Link.Single(l => l.Relation == "next").Url!);
        Assert.True(next.IsAbsoluteUri);
        Assert.EndsWith("/fhir/Consent", next.AbsolutePath, StringComparison.Ordinal);
        using var second = await carer.ReadAsync(next.PathAndQuery);
        var page2 = await ResourceAsync<Bundle>(second);
        Assert.Single(page2.Entry);
        Assert.DoesNotContain(page2.Link, l => l.Relation == "next");
        Assert.Equal(3, page1.Entry.Concat(page2.Entry).Select(e => e.Resource!.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("patient={subject}&statuss=active", "statuss")]
    [InlineData("patient={subject}&status=paused", "status")]
    [InlineData("patient={subject}&_count=1000", "_count")]
    [InlineData("patient=not%20an%20id", "patient")]
    [InlineData("patient={subject}&patient={subject}", "patient")]
    public async Task A_bad_search_parameter_is_400_with_an_OperationOutcome_naming_it(string query, string parameter)
    {
        var subject = NewSubject();
        using var auditor = api.Auditor();

        using var response = await auditor.ReadAsync($"/fhir/Consent?{query.Replace("{subject}", subject, StringComparison.Ordinal)}");

        var issue = await OutcomeAsync(response, HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        Assert.StartsWith($"{parameter}:", issue.Details!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_accepts_only_FHIR_XML_is_406_with_an_OperationOutcome()
    {
        using var carer = await api.YoungCarerGrantsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/fhir/Consent/{carer.Consent.Id}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");

        using var response = await carer.Client.SendAsync(request, Cancel);

        await OutcomeAsync(response, HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task Searching_without_a_patient_is_400_for_anyone_but_a_young_carer()
    {
        using var auditor = api.Auditor();
        using var response = await auditor.ReadAsync("/fhir/Consent");
        await OutcomeAsync(response, HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Theory]
    [InlineData(PlatformRoles.IgOfficer)]
    [InlineData(PlatformRoles.SafeguardingLead)]
    public async Task A_role_that_may_not_read_consents_is_403_with_an_OperationOutcome(string role)
    {
        using var client = api.ClientFor(role, org: School);
        using var response = await client.ReadAsync($"/fhir/Consent?patient={NewSubject()}");
        await OutcomeAsync(response, HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task No_token_is_401_with_an_OperationOutcome_and_the_JSON_API_keeps_problem_json()
    {
        using var anonymous = api.Host.CreateClient();
        using var fhir = await anonymous.ReadAsync($"/fhir/Consent/{Guid.NewGuid()}");
        using var json = await anonymous.ReadAsync($"/api/consents/{Guid.NewGuid()}");

        await OutcomeAsync(fhir, HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
        await json.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

/// <summary>The FHIR routes in the consent service's OpenAPI document: a summary and every response, in FHIR JSON.</summary>
public sealed class FhirApiDocumentTests(ConsentApi api)
{
    [Theory]
    [InlineData("/fhir/Consent", "FhirSearchConsent", new[] { "200", "400", "401", "403", "503" })]
    [InlineData("/fhir/Consent/{id}", "FhirReadConsent", new[] { "200", "400", "401", "403", "404", "503" })]
    [InlineData("/fhir/Consent/{id}/_history", "FhirConsentHistory", new[] { "200", "404" })]
    [InlineData("/fhir/Consent/{id}/_history/{vid}", "FhirVreadConsent", new[] { "200", "404" })]
    public async Task The_openapi_document_declares_each_FHIR_route_with_a_summary_and_its_responses_as_fhir_json(string path, string operationId, string[] statuses)
    {
        var operation = await api.SummarisedOperationAsync(path, operationId);

        foreach (var status in statuses)
        {
            var response = operation.GetProperty("responses").GetProperty(status);
            Assert.True(response.GetProperty("content").TryGetProperty("application/fhir+json", out _), status);
        }
    }
}
