using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

public sealed class ReadingTests(ConsentApi api)
{
    [Fact]
    public async Task Get_returns_the_consent_with_its_version_as_etag()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var response = await carer.Client.ReadAsync($"/api/consents/{carer.Consent.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(carer.Consent, await response.ConsentAsync(), ConsentComparer.Instance);
    }

    [Fact]
    public async Task Young_carer_reading_another_subjects_consent_is_404_with_no_data()
    {
        using var owner = await api.YoungCarerGrantsAsync();
        using var stranger = api.YoungCarer(NewSubject());

        using var get = await stranger.ReadAsync($"/api/consents/{owner.Consent.Id}");
        using var history = await stranger.ReadAsync($"/api/consents/{owner.Consent.Id}/history");
        using var list = await stranger.ReadAsync($"/api/consents?subjectId={owner.Subject}");

        await get.ProblemAsync(HttpStatusCode.NotFound);
        await history.ProblemAsync(HttpStatusCode.NotFound);
        await list.ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var response in new[] { get, history, list })
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(owner.Subject, body, StringComparison.Ordinal);
            Assert.DoesNotContain("school-support", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Young_carer_lists_their_own_consents_with_or_without_naming_themselves()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        await client.GrantedAsync(GrantBody(subject));
        await client.GrantedAsync(GrantBody(subject, purpose: "gp-carer-register"));

        using var implicitList = await client.ReadAsync("/api/consents");

        Assert.Equal(HttpStatusCode.OK, implicitList.StatusCode);
        Assert.Equal(2, (await implicitList.BodyAsync<ConsentBody[]>()).Length);
        Assert.Equal(["gp-carer-register", "school-support"], (await client.ListAsync(subject)).Select(c => c.Purpose));
    }

    [Fact]
    public async Task Auditor_reads_a_subjects_consents_and_their_history()
    {
        using var carer = await api.YoungCarerGrantsAsync();
        using var auditor = api.Auditor();

        Assert.Equal(carer.Consent.Id, Assert.Single(await auditor.ListAsync(carer.Subject)).Id);
        Assert.Single(await auditor.HistoryAsync(carer.Consent.Id));
    }

    [Fact]
    public async Task Listing_without_a_subject_is_400_for_anyone_but_a_young_carer()
    {
        using var client = api.Auditor();

        using var response = await client.ReadAsync("/api/consents");

        Assert.Equal(["subjectId"], await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_consent_is_404_and_a_malformed_id_is_404()
    {
        using var client = api.Auditor();

        using var unknown = await client.ReadAsync($"/api/consents/{Guid.NewGuid()}");
        using var unknownHistory = await client.ReadAsync($"/api/consents/{Guid.NewGuid()}/history");
        using var malformed = await client.ReadAsync("/api/consents/not-a-guid");

        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        await unknownHistory.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    private sealed class ConsentComparer : IEqualityComparer<ConsentBody>
    {
        public static readonly ConsentComparer Instance = new();

        public bool Equals(ConsentBody? x, ConsentBody? y) =>
            x is not null && y is not null
            && (x.Id, x.SubjectId, x.Purpose, x.GivenBy, x.Status, x.GrantedAt, x.ExpiresAt, x.Version) == (y.Id, y.SubjectId, y.Purpose, y.GivenBy, y.Status, y.GrantedAt, y.ExpiresAt, y.Version)
            && x.RecipientOrgIds.SequenceEqual(y.RecipientOrgIds)
            && x.DataCategories.SequenceEqual(y.DataCategories);

        public int GetHashCode(ConsentBody obj) => obj.Id.GetHashCode();
    }
}
