using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>
/// Issue 20 §2 on a real broker and database, with the real consent service publishing: a young
/// person's pause or withdrawal reaches every disclosure made under the consent, without waiting for
/// the next release or read. Blocked, destroyed, or a deletion request the recipient answers.
/// </summary>
public sealed class ChangeOfMindTests(Platform platform)
{
    [Fact]
    public async Task Approve_then_pause_the_disclosure_is_blocked_and_release_is_refused_and_resuming_does_not_unblock_it()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        await story.PauseConsentAsync();

        var blocked = Assert.Single(await platform.Events.WaitForAsync<DisclosureBlocked>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal((story.ConsentId, Contracts.Consent.ConsentStatus.Paused), (blocked.Message.ConsentId, blocked.Message.ConsentStatus));
        Assert.Equal(blocked.Message.EventId, blocked.MessageId);
        using var release = await story.ReleaseAsync(disclosure.Id);
        Assert.Contains("blocked", (await ProblemAsync(release, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("mt_doc_sealedpackage", disclosure.Id));
        var shown = await GetDisclosureAsync(story, disclosure.Id);
        Assert.Equal("blocked", shown.Status);
        Assert.Equal("paused", shown.Blocked!.Value.GetProperty("consentStatus").GetString());
    }

    [Fact]
    public async Task Approve_release_then_withdraw_before_any_read_the_package_and_its_data_key_are_destroyed_and_a_read_is_410()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        (await story.ReleaseAsync(disclosure.Id)).Dispose();
        Assert.Equal(1, await CountAsync("mt_doc_sealedpackage", disclosure.Id));

        await story.WithdrawConsentAsync();

        var destroyed = Assert.Single(await platform.Events.WaitForAsync<PackageDestroyed>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal(story.ConsentId, destroyed.Message.ConsentId);
        Assert.Equal(0, await CountAsync("mt_doc_sealedpackage", disclosure.Id));
        Assert.Equal(0, await CountAsync("mt_doc_packagedatakey", disclosure.Id));
        using var read = await story.ReadPackageAsync(disclosure.Id);
        Assert.Equal("Package destroyed", (await ProblemAsync(read, HttpStatusCode.Gone)).GetProperty("title").GetString());
        Assert.Equal("destroyed", (await GetDisclosureAsync(story, disclosure.Id)).Status);
    }

    [Fact]
    public async Task Approve_release_read_then_withdraw_the_recipient_is_asked_to_delete_and_answers_deleted_once()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        (await story.ReleaseAsync(disclosure.Id)).Dispose();
        (await story.ReadPackageAsync(disclosure.Id)).Dispose();

        await story.WithdrawConsentAsync();

        var asked = Assert.Single(await platform.Events.WaitForAsync<DeletionRequested>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal(asked.Message.OccurredAt.AddDays(14), asked.Message.AnswerBy);
        using var school = story.SchoolPractitioner();
        var open = await ReadAsync<DisclosureBody[]>(await GetAsync(school, "/api/disclosures?deletionRequest=open"));
        Assert.Contains(open, d => d.Id == disclosure.Id);
        using var council = story.CouncilPractitioner();
        // The holder is not the one holding the copy that was read: only the recipient answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(council, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "deleted" })).StatusCode);
        await ProblemAsync(await PostAsync(school, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "retained" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PostAsync(school, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "forgotten" }), HttpStatusCode.BadRequest);

        using var answered = await PostAsync(school, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "deleted" });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var body = await ReadAsync<DisclosureBody>(answered);
        Assert.Equal("deleted", body.Deletion!.Value.GetProperty("outcome").GetString());
        Assert.Single(await platform.Events.WaitForAsync<DeletionAnswered>(e => e.DisclosureId == disclosure.Id && e.Outcome == DeletionOutcome.Deleted));
        await ProblemAsync(await PostAsync(school, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "deleted" }), HttpStatusCode.Conflict);
        var stillOpen = await ReadAsync<DisclosureBody[]>(await GetAsync(school, "/api/disclosures?deletionRequest=open"));
        Assert.DoesNotContain(stillOpen, d => d.Id == disclosure.Id);
    }

    [Fact]
    public async Task Answering_a_deletion_nobody_asked_for_is_409_and_an_unknown_list_filter_is_400()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        using var school = story.SchoolPractitioner();

        await ProblemAsync(await PostAsync(school, $"/api/disclosures/{disclosure.Id}/deletion", new { outcome = "deleted" }), HttpStatusCode.Conflict);
        var problem = await ProblemAsync(await GetAsync(school, "/api/disclosures?deletionRequest=someday"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("deletionRequest", out _));
        Assert.Equal("approved", (await GetDisclosureAsync(story, disclosure.Id)).Status);
    }

    private static async Task<DisclosureBody> GetDisclosureAsync(Scenario story, Guid id)
    {
        using var auditor = story.Auditor();
        using var response = await GetAsync(auditor, $"/api/disclosures/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<DisclosureBody>(response);
    }

    private async Task<long> CountAsync(string table, Guid id)
    {
        await using var connection = new NpgsqlConnection(platform.Disclosure.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select count(*) from disclosure.{table} where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
