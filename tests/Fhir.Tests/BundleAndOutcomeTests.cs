using Hl7.Fhir.Model;
using FhirConsent = Hl7.Fhir.Model.Consent;
using GivenBy = ConsentPlatform.Contracts.Consent.GivenBy;

namespace ConsentPlatform.Fhir.Tests;

/// <summary>The Bundles the facade builds (a search page with its links, a history) and every OperationOutcome it can answer with.</summary>
public sealed class BundleAndOutcomeTests
{
    private const string Base = "http://localhost:8080/fhir";
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static FhirConsent ConsentNumber(int n)
    {
        var id = Guid.Parse($"0195b5e4-0000-7000-8000-{n:D12}");
        var granted = new ConsentEvent.Granted(id, 1, new ConsentTerms("yc-1", "school-support", [], [], GivenBy.Self, null), new EventActor("YoungCarer:yc-1", "YoungCarer", null), At.AddMinutes(n));
        var version = ConsentHistoryEndpoint.Versions([granted])[^1];
        return ConsentResource.ToFhir(new ConsentFhirSnapshot(version.Entry.Consent, null, version.Entry.OccurredAt, []));
    }

    private static FhirSearchRequest Search(string query, params string[] supported) =>
        FhirSearchRequest.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), supported);

    [Fact]
    public void Given_five_matches_and_count_two_When_the_second_page_is_built_Then_it_has_two_entries_every_link_and_validates()
    {
        var matches = Enumerable.Range(1, 5).Select(ConsentNumber).ToList();
        var search = Search("?patient=yc-1&_count=2&_offset=2", "patient", "status");
        var bundle = search.ToBundle(Bundle.BundleType.Searchset, $"{Base}/Consent", matches.Count, search.PageOf(matches).Select(r => FhirSearchRequest.Match(Base, r)), At);
        Assert.Equal(5, bundle.Total);
        Assert.Equal([matches[2].Id, matches[3].Id], bundle.Entry.Select(e => e.Resource!.Id));
        Assert.Equal($"{Base}/Consent/{matches[2].Id}", bundle.Entry[0].FullUrl);
        Assert.Equal(
            ["self", "first", "previous", "next", "last"],
            bundle.Link.Select(l => l.Relation));
        Assert.Equal($"{Base}/Consent?patient=yc-1&_count=2&_offset=4", bundle.Link.Single(l => l.Relation == "next").Url);
        Assert.Equal($"{Base}/Consent?patient=yc-1&_count=2&_offset=0", bundle.Link.Single(l => l.Relation == "previous").Url);
        Assert.Equal($"{Base}/Consent?patient=yc-1&_count=2&_offset=4", bundle.Link.Single(l => l.Relation == "last").Url);
        R4Validator.AssertValid(bundle);
    }

    [Fact]
    public void An_empty_search_is_a_valid_Bundle_with_total_zero_and_no_next_link()
    {
        var search = Search("?patient=yc-2", "patient");
        var bundle = search.ToBundle(Bundle.BundleType.Searchset, $"{Base}/Consent", 0, [], At);
        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
        Assert.DoesNotContain(bundle.Link, l => l.Relation == "next");
        R4Validator.AssertValid(bundle);
    }

    [Fact]
    public void A_history_Bundle_of_three_versions_newest_first_validates()
    {
        var consent = ConsentNumber(1);
        var search = Search(string.Empty);
        var entries = new[] { "3", "2", "1" }.Select(v =>
        {
            var version = (FhirConsent)consent.DeepCopy();
            version.Meta!.VersionId = v;
            return new Bundle.EntryComponent
            {
                FullUrl = $"{Base}/Consent/{consent.Id}",
                Resource = version,
                Request = new Bundle.RequestComponent { Method = v == "1" ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT, Url = v == "1" ? "Consent" : $"Consent/{consent.Id}" },
                Response = new Bundle.ResponseComponent { Status = v == "1" ? "201 Created" : "200 OK", Etag = $"W/\"{v}\"" },
            };
        });
        R4Validator.AssertValid(search.ToBundle(Bundle.BundleType.History, $"{Base}/Consent/{consent.Id}/_history", 3, entries, At));
    }

    [Theory]
    [InlineData("?statuss=active", "statuss")]
    [InlineData("?patient=yc-1&patient=yc-2", "patient")]
    [InlineData("?_count=0", "_count")]
    [InlineData("?_count=101", "_count")]
    [InlineData("?_count=ten", "_count")]
    [InlineData("?_offset=-1", "_offset")]
    [InlineData("?_format=xml", "_format")]
    [InlineData("?patient=", "patient")]
    public void A_bad_search_parameter_is_refused_naming_it(string query, string field)
    {
        var refused = Assert.Throws<RequestValidationException>(() => Search(query, "patient", "status"));
        Assert.Equal([field], refused.Errors.Keys);
    }

    public static TheoryData<int> Statuses => [400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 415, 422, 429, 500, 503];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_error_status_is_a_valid_OperationOutcome(int status)
    {
        var outcome = FhirOutcomes.From(new ProblemDetails { Status = status, Title = "Refused", Detail = "Because." }, status);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("Refused: Because.", issue.Details!.Text);
        R4Validator.AssertValid(outcome);
    }

    [Fact]
    public void Field_errors_are_one_issue_each_and_validate()
    {
        var outcome = FhirOutcomes.From(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["patient"] = ["Bad."], ["_count"] = ["Too big.", "Not a number."] }) { Status = 400 }, 400);
        Assert.Equal(3, outcome.Issue.Count);
        Assert.All(outcome.Issue, i => Assert.Equal(OperationOutcome.IssueType.Invalid, i.Code));
        Assert.Contains(outcome.Issue, i => i.Details!.Text == "patient: Bad.");
        R4Validator.AssertValid(outcome);
        Assert.Equal(OperationOutcome.IssueType.NotFound, Assert.Single(FhirOutcomes.Of(404, "No consent has this id.").Issue).Code);
    }

    [Theory]
    [InlineData("/fhir/Consent", true)]
    [InlineData("/FHIR/AuditEvent", true)]
    [InlineData("/fhir", true)]
    [InlineData("/api/consents", false)]
    [InlineData("/fhirx", false)]
    public void Only_errors_under_fhir_are_written_as_OperationOutcomes(string path, bool fhir)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        Assert.Equal(fhir, new FhirOutcomeWriter().CanWrite(new ProblemDetailsContext { HttpContext = context }));
    }

    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5101/fhir")]
    [InlineData("localhost:8080", "http", "http://localhost:8080/fhir")]
    [InlineData("consent.example.org", "https", "https://consent.example.org/fhir")]
    [InlineData("a.example, b.example", "https, http", "https://a.example/fhir")]
    [InlineData("evil.example/x?", "javascript", "http://127.0.0.1:5101/fhir")]
    public void Links_are_built_from_the_host_the_gateway_forwarded(string? forwardedHost, string? forwardedProto, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:5101");
        if (forwardedHost is not null) context.Request.Headers["X-Forwarded-Host"] = forwardedHost;
        if (forwardedProto is not null) context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        Assert.Equal(expected, FhirBase.Of(context.Request));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("application/fhir+json", true)]
    [InlineData("application/fhir+json; fhirVersion=4.0", true)]
    [InlineData("application/json", true)]
    [InlineData("*/*", true)]
    [InlineData("application/fhir+xml, application/fhir+json;q=0.5", true)]
    [InlineData("application/fhir+xml", false)]
    [InlineData("application/xml, text/html", false)]
    [InlineData("application/fhir+json;q=0", false)]
    public void Only_a_client_that_accepts_no_FHIR_JSON_is_refused(string? accept, bool answered)
    {
        var context = new DefaultHttpContext();
        if (accept is not null) context.Request.Headers.Accept = accept;
        Assert.Equal(answered, FhirAcceptFilter.AcceptsJson(context.Request));
    }

    [Fact]
    public void The_validator_is_not_vacuous_it_finds_errors_in_an_invalid_consent()
    {
        // No status, no scope, no category, neither policy nor policyRule: R4 requires each.
        var errors = R4Validator.ErrorsOf(new FhirConsent { Id = "x" });
        Assert.NotEmpty(errors);
    }
}
