using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

public sealed class GrantingTests(ConsentApi api)
{
    [Fact]
    public async Task Young_carer_grants_for_their_own_id_and_gets_the_consent_resource_at_version_1()
    {
        var subject = NewSubject();
        var expiresAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var client = api.YoungCarer(subject);

        using var response = await client.GrantAsync(GrantBody(subject, recipientOrgIds: ["school-1"], dataCategories: ["caring.role"], expiresAt: expiresAt));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(
            ["dataCategories", "expiresAt", "givenBy", "grantedAt", "id", "purpose", "recipientOrgIds", "status", "subjectId", "version"],
            json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var consent = json.Deserialize<ConsentBody>(JsonSerializerOptions.Web)!;
        Assert.Equal(new Uri($"/api/consents/{consent.Id}", UriKind.Relative), response.Headers.Location);
        Assert.Equal((subject, "school-support", "self", "active", 1L), (consent.SubjectId, consent.Purpose, consent.GivenBy, consent.Status, consent.Version));
        Assert.Equal(["school-1"], consent.RecipientOrgIds);
        Assert.Equal(["caring.role"], consent.DataCategories);
        Assert.Equal(expiresAt, consent.ExpiresAt);
    }

    [Fact]
    public async Task Practitioner_records_consent_given_in_person_by_a_parent_as_such()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();

        var consent = await practitioner.GrantedAsync(GrantBody(subject, givenBy: "parent", proxy: new { relationship = "mother", name = "Jo" }));

        Assert.Equal("parent", consent.GivenBy);
        Assert.Equal(("mother", "Jo"), (consent.Proxy!.Value.GetProperty("relationship").GetString(), consent.Proxy.Value.GetProperty("name").GetString()));
        var granted = Assert.Single(await practitioner.HistoryAsync(consent.Id));
        Assert.Equal(("Practitioner", "school-1"), (granted.Actor.Role, granted.Actor.OrgId));
    }

    [Fact]
    public async Task Young_carer_granting_for_another_subject_is_403_and_nothing_is_recorded()
    {
        var other = NewSubject();
        using var client = api.YoungCarer(NewSubject());

        using var response = await client.GrantAsync(GrantBody(other));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        using var auditor = api.Auditor();
        Assert.Empty(await auditor.ListAsync(other));
    }

    [Fact]
    public async Task A_second_live_consent_for_the_same_purpose_is_409_while_another_purpose_is_fine()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        var first = await client.GrantedAsync(GrantBody(subject));
        await client.ActAsync(first.Id, "pause");

        using var second = await client.GrantAsync(GrantBody(subject));
        using var otherPurpose = await client.GrantAsync(GrantBody(subject, purpose: "gp-carer-register"));

        await second.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, otherPurpose.StatusCode);
    }

    [Fact]
    public async Task Two_simultaneous_grants_for_the_same_purpose_exactly_one_wins_the_other_is_409()
    {
        for (var round = 0; round < 5; round++)
        {
            var subject = NewSubject();
            using var a = api.YoungCarer(subject);
            using var b = api.Practitioner();

            var responses = await Task.WhenAll(a.GrantAsync(GrantBody(subject)), b.GrantAsync(GrantBody(subject, givenBy: "guardian", proxy: new { relationship = "guardian" })));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Single(await b.ListAsync(subject));
            foreach (var r in responses) r.Dispose();
        }
    }

    [Fact]
    public async Task After_withdrawal_a_new_consent_for_the_purpose_can_be_granted()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        var first = await client.GrantedAsync(GrantBody(subject));
        (await client.ActAsync(first.Id, "withdraw")).Dispose();

        var second = await client.GrantedAsync(GrantBody(subject));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["active", "withdrawn"], (await client.ListAsync(subject)).Select(c => c.Status));
    }

    [Fact]
    public async Task A_live_consent_past_its_expiry_does_not_block_a_new_grant_and_is_recorded_expired()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        var first = await client.GrantedAsync(GrantBody(subject, expiresAt: DateTimeOffset.UtcNow.AddSeconds(2)));
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        var second = await client.GrantedAsync(GrantBody(subject));

        Assert.Equal("active", second.Status);
        Assert.Equal(["consent-granted", "consent-expired"], (await client.HistoryAsync(first.Id)).Select(h => h.Event));
    }
}
