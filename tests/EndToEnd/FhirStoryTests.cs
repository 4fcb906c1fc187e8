using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using FhirConsent = Hl7.Fhir.Model.Consent;
using Task = System.Threading.Tasks.Task;

namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 21: the platform read as a GP or case-management system would, with Firely's
/// <c>FhirClient</c> through the gateway only, and everything it is served validated by Firely's
/// validator against the base R4 profiles with zero errors.
/// </summary>
public sealed class FhirStoryTests(PlatformProcesses platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(FhirClient Fhir, HttpClient Http)> FhirClientAsAsync(string role, string? org = null, string? subjectId = null)
    {
        var http = await platform.ClientAsAsync(role, org: org, subjectId: subjectId, name: $"fhir-{role.ToLowerInvariant()}");
        var fhir = new FhirClient(new Uri(platform.Gateway.BaseAddress, "fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json, VerifyFhirVersion = true });
        return (fhir, http);
    }

    [Fact]
    public async Task A_GP_system_reads_consents_their_history_and_the_audit_trail_as_FHIR_and_everything_validates()
    {
        using var cast = await new Scenario(platform).CastAsync();
        var (subject, _, consentId, youngCarer, school, council) = cast;

        // A share decided, released and read; then, while the consent is paused, a read refused; then resumed.
        var approved = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        var shareId = approved.GetProperty("id").GetString()!;
        await (await council.PostJsonAsync($"/api/disclosures/{shareId}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Cares for mum" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await school.GetAsync(new Uri($"/api/disclosures/{shareId}/package", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/pause", new { reason = "Not now" })).ExpectJsonAsync(HttpStatusCode.OK);
        using (var refused = await school.GetAsync(new Uri($"/api/disclosures/{shareId}/package", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/resume")).ExpectJsonAsync(HttpStatusCode.OK);

        // The school's system: the CapabilityStatement, then the young carer's consents, exactly the one it may see.
        var (gp, gpHttp) = await FhirClientAsAsync("Practitioner", org: Scenario.School);
        using (gpHttp)
        {
            var capability = await gp.CapabilityStatementAsync();
            R4Validator.AssertValid(capability!);

            var found = await gp.SearchAsync<FhirConsent>([$"patient={subject}"]);
            R4Validator.AssertValid(found!);
            var consent = Assert.IsType<FhirConsent>(Assert.Single(found!.Entry).Resource);
            Assert.Equal(consentId, consent.Id);
            Assert.Equal(1, found.Total);
            R4Validator.AssertValid(consent);

            // Paused and resumed: three versions, each as the JSON API's history tells it.
            var history = await gp.HistoryAsync($"Consent/{consentId}");
            R4Validator.AssertValid(history!);
            var json = await (await school.GetAsync(new Uri($"/api/consents/{consentId}/history", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
            var versions = history!.Entry.Select(e => Assert.IsType<FhirConsent>(e.Resource)).Reverse().ToList();
            Assert.Equal(3, versions.Count);
            Assert.Equal(json.GetArrayLength(), versions.Count);
            for (var i = 0; i < versions.Count; i++)
            {
                var entry = json[i];
                Assert.Equal(entry.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), versions[i].Meta!.VersionId);
                Assert.Equal(entry.GetProperty("consent").GetProperty("status").GetString(), versions[i].Meta!.Tag[0].Code);
                Assert.Equal(entry.GetProperty("occurredAt").GetDateTimeOffset(), versions[i].Meta!.LastUpdated);
                var vread = await gp.ReadAsync<FhirConsent>($"Consent/{consentId}/_history/{versions[i].Meta!.VersionId}");
                Assert.Equal(versions[i].Meta!.Tag[0].Code, vread!.Meta!.Tag[0].Code);
                R4Validator.AssertValid(vread);
            }

            Assert.Equal(["active", "paused", "active"], versions.Select(v => v.Meta!.Tag[0].Code));

            // An unknown id: 404 with an OperationOutcome; a bad search parameter: 400.
            var missing = await Assert.ThrowsAsync<FhirOperationException>(() => gp.ReadAsync<FhirConsent>($"Consent/{Guid.NewGuid()}"));
            Assert.Equal(HttpStatusCode.NotFound, missing.Status);
            R4Validator.AssertValid(missing.Outcome!);
            var bad = await Assert.ThrowsAsync<FhirOperationException>(() => gp.SearchAsync<FhirConsent>([$"patient={subject}", "statuss=active"]));
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            R4Validator.AssertValid(bad.Outcome!);
        }

        // Another young carer asking for this one's consents: an empty Bundle.
        var (stranger, strangerHttp) = await FhirClientAsAsync("YoungCarer", subjectId: Scenario.NewSubject());
        using (strangerHttp)
        {
            var nothing = await stranger.SearchAsync<FhirConsent>([$"patient={subject}"]);
            Assert.Equal(0, nothing!.Total);
            Assert.Empty(nothing.Entry);
            R4Validator.AssertValid(nothing);
        }

        // The auditor: one AuditEvent per decision, release, read and refusal of the share (the ledger follows in a moment).
        var (auditor, auditorHttp) = await FhirClientAsAsync("Auditor");
        using (auditorHttp)
        {
            var events = await EventuallyAsync(() => auditor.SearchAsync<AuditEvent>([$"entity={shareId}"]), b => b.Total >= 4);
            R4Validator.AssertValid(events);
            var kinds = events.Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource))
                .Select(a => a.Subtype.Single(c => c.System == Fhir.PlatformTerminology.DisclosureEventSystem).Code)
                .ToList();
            Assert.Equal(["decision", "release", "read", "refusal"], kinds);
            foreach (var audit in events.Entry.Select(e => (AuditEvent)e.Resource!))
            {
                R4Validator.AssertValid(audit);
                Assert.Contains(audit.Entity, x => x.What?.Reference?.StartsWith($"Consent/{consentId}/_history/", StringComparison.Ordinal) == true);
            }
        }

        // The young carer reads the same trail about themselves, without the people who acted.
        var (own, ownHttp) = await FhirClientAsAsync("YoungCarer", subjectId: subject);
        using (ownHttp)
        {
            var mine = await own.SearchAsync<AuditEvent>([$"patient={subject}"]);
            R4Validator.AssertValid(mine!);
            Assert.Equal(4, mine!.Total);
            var text = Fhir.FhirJson.ToJson(mine);
            Assert.DoesNotContain("ms-khan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("mr-jones", text, StringComparison.Ordinal);
        }
    }

    private static async Task<Bundle> EventuallyAsync(Func<Task<Bundle?>> search, Func<Bundle, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var bundle = await search();
            if (bundle is not null && (done(bundle) || DateTime.UtcNow > deadline)) return bundle;
            await Task.Delay(200, Cancel);
        }
    }
}
