using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>Reading decisions: the two organisations, their safeguarding leads and auditors; nobody else.</summary>
public sealed class ReadingTests(Platform platform)
{
    [Fact]
    public async Task The_requester_holder_their_leads_and_auditors_read_a_decision_and_another_org_gets_404()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        var path = $"/api/disclosures/{disclosure.Id}";

        foreach (var client in new[] { story.SchoolPractitioner(), story.CouncilPractitioner(), story.Lead(story.School), story.Lead(story.Council), story.Auditor() })
        {
            using (client)
            using (var response = await GetAsync(client, path))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(disclosure.Id, (await ReadAsync<DisclosureBody>(response)).Id);
            }
        }

        using var stranger = story.Disclosures(PlatformRoles.Practitioner, NewOrg("GP"));
        using var hidden = await GetAsync(stranger, path);
        await ProblemAsync(hidden, HttpStatusCode.NotFound);
        using var carer = story.Disclosures(PlatformRoles.YoungCarer, null);
        using var forbidden = await GetAsync(carer, path);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Listing_by_subject_shows_only_the_callers_orgs_disclosures()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        var first = await story.RequestAsync();
        var second = await story.RequestAsync(story.Body(["health.mental"]));

        using var school = story.SchoolPractitioner();
        using var mine = await GetAsync(school, $"/api/disclosures?subjectId={story.Subject}");
        var listed = await ReadAsync<DisclosureBody[]>(mine);
        Assert.Equal(new[] { second.Id, first.Id }, listed.Select(d => d.Id));

        using var stranger = story.Disclosures(PlatformRoles.Practitioner, NewOrg("GP"));
        using var theirs = await GetAsync(stranger, $"/api/disclosures?subjectId={story.Subject}");
        Assert.Empty(await ReadAsync<DisclosureBody[]>(theirs));

        using var auditor = story.Auditor();
        using var all = await GetAsync(auditor, $"/api/disclosures?subjectId={story.Subject}");
        Assert.Equal(2, (await ReadAsync<DisclosureBody[]>(all)).Length);

        using var missing = await GetAsync(school, "/api/disclosures");
        await ProblemAsync(missing, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requested_and_decided_are_published_with_the_event_id_as_message_id_and_the_versions_judged_on()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        var disclosure = await story.RequestAsync(story.Body(["caring.role"], justification: Justification));

        var requested = Assert.Single(await platform.Events.WaitForAsync<DisclosureRequested>(e => e.DisclosureId == disclosure.Id));
        var approved = Assert.Single(await platform.Events.WaitForAsync<DisclosureApproved>(e => e.DisclosureId == disclosure.Id));

        Assert.Equal((story.Subject, story.School, story.Council, Justification), (requested.Message.SubjectId, requested.Message.RequesterOrgId, requested.Message.HolderOrgId, requested.Message.Justification));
        Assert.Equal(requested.Message.EventId, requested.MessageId);
        Assert.Equal(approved.Message.EventId, approved.MessageId);
        Assert.Equal((story.ConsentVersion, story.DsaVersion), (approved.Message.Decision.ConsentVersion!.Value, approved.Message.Decision.DsaVersion!.Value));
        Assert.NotNull(approved.Message.ConsentCheck);
        Assert.Equal(story.DsaId, approved.Message.DsaCheck!.DsaId);
        Assert.Equal(30, approved.Message.RetentionDays);
        Assert.Equal(("Practitioner", story.School), (requested.Message.Actor.Role, requested.Message.Actor.OrgId));
    }
}
