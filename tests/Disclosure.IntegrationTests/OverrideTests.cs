using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>Safeguarding shares: awaiting a different safeguarding lead's approval, never the requester's own.</summary>
public sealed class OverrideTests(Platform platform)
{
    private const string Rationale = "Disclosure at school suggests the child is at risk of neglect.";

    private static object SafeguardingBody(Scenario story, string? justification = Justification) =>
        story.Body(["caring.role", "caring.hours"], "whole-family-support", "safeguarding", justification);

    [Fact]
    public async Task Given_a_justified_safeguarding_request_When_a_different_lead_approves_Then_approved_and_recorded()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);
        var requested = await story.RequestAsync(SafeguardingBody(story));
        Assert.Equal("awaiting-override-approval", requested.Status);
        Assert.Empty(requested.Decision!.Reasons);

        using var lead = story.Lead(story.Council, "council-lead");
        using var response = await PostAsync(lead, $"/api/disclosures/{requested.Id}/approve-override", new { rationale = Rationale });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var approved = await ReadAsync<DisclosureBody>(response);
        Assert.Equal("approved", approved.Status);
        Assert.Equal(story.Council, approved.Override!.Value.GetProperty("approvedByOrgId").GetString());
        Assert.False(approved.Override.Value.TryGetProperty("rationale", out _));

        var overridden = Assert.Single(await platform.Events.WaitForAsync<SafeguardingOverrideApproved>(e => e.DisclosureId == requested.Id));
        Assert.Equal((Rationale, "SafeguardingLead"), (overridden.Message.Rationale, overridden.Message.Actor.Role));
        var decided = Assert.Single(await platform.Events.WaitForAsync<DisclosureApproved>(e => e.DisclosureId == requested.Id));
        Assert.NotNull(decided.Message.Approval);
    }

    [Fact]
    public async Task The_requester_approving_their_own_request_is_403()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);
        var requested = await story.RequestAsync(SafeguardingBody(story), story.SchoolPractitioner("sam"));

        // The same person (organisation and name) acting as a safeguarding lead.
        using var self = story.Lead(story.School, "sam");
        using var response = await PostAsync(self, $"/api/disclosures/{requested.Id}/approve-override", new { rationale = Rationale });

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lead_of_another_org_does_not_see_the_request()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);
        var requested = await story.RequestAsync(SafeguardingBody(story));

        using var stranger = story.Lead(NewOrg("GP"));
        using var response = await PostAsync(stranger, $"/api/disclosures/{requested.Id}/approve-override", new { rationale = Rationale });

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_approval_without_rationale_is_400_and_an_approval_of_an_approved_disclosure_is_409()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        var approved = await story.RequestAsync();
        using var lead = story.Lead(story.Council);

        using var noRationale = await PostAsync(lead, $"/api/disclosures/{approved.Id}/approve-override", new { rationale = " " });
        using var notAwaiting = await PostAsync(lead, $"/api/disclosures/{approved.Id}/approve-override", new { rationale = Rationale });

        await ProblemAsync(noRationale, HttpStatusCode.BadRequest);
        await ProblemAsync(notAwaiting, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_a_purpose_without_the_override_When_safeguarding_is_requested_Then_denied_override_not_allowed()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();

        var disclosure = await story.RequestAsync(story.Body(basis: "safeguarding", justification: Justification));

        Assert.Equal(["override-not-allowed"], disclosure.Decision!.Codes);
    }

    [Fact]
    public async Task Given_safeguarding_without_justification_Then_denied_justification_required()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();

        var disclosure = await story.RequestAsync(SafeguardingBody(story, justification: null));

        Assert.Equal(["justification-required"], disclosure.Decision!.Codes);
    }

    [Fact]
    public async Task Nothing_can_be_released_while_awaiting_approval()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);
        var requested = await story.RequestAsync(SafeguardingBody(story));

        using var response = await story.ReleaseAsync(requested.Id);

        await ProblemAsync(response, HttpStatusCode.Conflict);
    }
}
