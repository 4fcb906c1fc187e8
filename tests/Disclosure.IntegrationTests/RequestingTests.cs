using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>POST /api/disclosures, decided live against the real consent and DSA services over RabbitMQ.</summary>
public sealed class RequestingTests(Platform platform)
{
    [Fact]
    public async Task Given_dsa_and_consent_When_school_requests_caring_role_Then_approved_naming_the_consent_and_dsa_versions()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();

        var disclosure = await story.RequestAsync();

        Assert.Equal("approved", disclosure.Status);
        Assert.Equal("approved", disclosure.Decision!.Outcome);
        Assert.Empty(disclosure.Decision.Reasons);
        Assert.Equal((story.ConsentId, story.ConsentVersion), (disclosure.Decision.ConsentId!.Value, disclosure.Decision.ConsentVersion!.Value));
        Assert.Equal((story.DsaId, story.DsaVersion), (disclosure.Decision.DsaId!.Value, disclosure.Decision.DsaVersion!.Value));
        Assert.Equal(story.School, disclosure.RequesterOrgId);
    }

    [Fact]
    public async Task Given_health_mental_not_in_the_purpose_When_requested_Then_denied_category_out_of_scope()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();

        var disclosure = await story.RequestAsync(story.Body(["caring.role", "health.mental"]));

        Assert.Equal("denied", disclosure.Status);
        Assert.Equal(["category-out-of-scope"], disclosure.Decision!.Codes);
        Assert.Null(disclosure.Decision.DsaId);
    }

    [Fact]
    public async Task Given_no_consent_When_requested_Then_denied_consent_missing()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);

        var disclosure = await story.RequestAsync();

        Assert.Equal(["consent-missing"], disclosure.Decision!.Codes);
        Assert.Equal(story.DsaId, disclosure.Decision.DsaId);
    }

    [Fact]
    public async Task Given_paused_consent_and_cared_for_data_without_justification_When_requested_Then_every_reason_in_order()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        await story.PauseConsentAsync();

        var disclosure = await story.RequestAsync(story.Body(["caring.role", "cared-for.condition"]));

        Assert.Equal(["category-out-of-scope", "consent-paused", "justification-required"], disclosure.Decision!.Codes);
        Assert.All(disclosure.Decision.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Fact]
    public async Task Given_a_purpose_that_does_not_require_consent_When_requested_without_one_Then_approved_without_a_consent()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);

        var disclosure = await story.RequestAsync(story.Body(["caring.hours"], "whole-family-support"));

        Assert.Equal("approved", disclosure.Status);
        Assert.Null(disclosure.Decision!.ConsentId);
        Assert.Equal(story.DsaId, disclosure.Decision.DsaId);
    }

    [Fact]
    public async Task Given_no_dsa_between_the_orgs_When_requested_Then_denied_no_active_dsa()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();

        var disclosure = await story.RequestAsync(story.Body(holder: NewOrg("GP")));

        Assert.Contains(disclosure.Decision!.Codes[0], new[] { "no-active-dsa", "holder-not-party" });
        Assert.Equal("denied", disclosure.Status);
    }

    [Fact]
    public async Task The_requester_org_comes_from_the_token_and_a_body_field_for_it_is_refused()
    {
        var story = new Scenario(platform);
        using var school = story.SchoolPractitioner();

        using var response = await PostRawAsync(school, "/api/disclosures",
            $$"""{"subjectId":"{{story.Subject}}","purpose":"school-support","holderOrgId":"{{story.Council}}","requesterOrgId":"someone-else","dataCategories":["caring.role"],"basis":"consent"}""");

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_invalid_request_is_400_with_every_field_and_records_nothing()
    {
        var story = new Scenario(platform);
        using var school = story.SchoolPractitioner();

        using var response = await PostRawAsync(school, "/api/disclosures", """{"subjectId":"no spaces","purpose":"School","dataCategories":[]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["basis", "dataCategories", "holderOrgId", "purpose", "subjectId"], fields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(PlatformRoles.YoungCarer)]
    [InlineData(PlatformRoles.IgOfficer)]
    [InlineData(PlatformRoles.SafeguardingLead)]
    [InlineData(PlatformRoles.Auditor)]
    public async Task Only_a_practitioner_may_request(string role)
    {
        var story = new Scenario(platform);
        using var client = story.Disclosures(role, role == PlatformRoles.YoungCarer ? null : story.School);

        using var response = await PostAsync(client, "/api/disclosures", story.Body());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_is_401()
    {
        using var anonymous = platform.Disclosure.CreateClient();

        using var response = await GetAsync(anonymous, $"/api/disclosures/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
