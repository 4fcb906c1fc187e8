using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>The holder releases, the requester reads; every step is checked again live and recorded.</summary>
public sealed class ReleaseAndReadTests(Platform platform)
{
    [Fact]
    public async Task The_brief_story_release_read_pause_then_the_next_read_is_refused_consent_paused()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        using var released = await story.ReleaseAsync(disclosure.Id);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var afterRelease = await ReadAsync<DisclosureBody>(released);
        Assert.Equal("released", afterRelease.Status);
        Assert.Equal(["caring.role"], afterRelease.ReleasedCategories!);

        using var read = await story.ReadPackageAsync(disclosure.Id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("no-store", read.Headers.CacheControl?.ToString());
        var package = await ReadAsync<JsonElement>(read);
        Assert.Equal(20, package.GetProperty("data").GetProperty("caring.role").GetProperty("hoursPerWeek").GetInt32());

        await story.PauseConsentAsync();
        using var refused = await story.ReadPackageAsync(disclosure.Id);

        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(["consent-paused"], ReasonCodes(problem));
        var readEvent = Assert.Single(await platform.Events.WaitForAsync<PackageRead>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal(["caring.role"], readEvent.Message.ReadCategories);
        var refusal = Assert.Single(await platform.Events.WaitForAsync<PackageReadRefused>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal(story.ConsentId, refusal.Message.Decision.ConsentId);
    }

    [Fact]
    public async Task Given_dsa_suspended_after_approval_When_released_Then_409_refused_by_the_live_check_and_nothing_stored()
    {
        // A DSA's suspension is not pushed to the disclosure service (a consent's change is, issue 20:
        // ChangeOfMindTests), so the release's own live re-check is what refuses here.
        var (story, disclosure) = await RequestedAsync(platform);
        await story.SuspendDsaAsync();

        using var response = await story.ReleaseAsync(disclosure.Id);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["no-active-dsa"], ReasonCodes(problem));
        Assert.Single(await platform.Events.WaitForAsync<DisclosureReleaseRefused>(e => e.DisclosureId == disclosure.Id));
        Assert.Equal(0, await CountPackagesAsync(disclosure.Id));
        using var read = await story.ReadPackageAsync(disclosure.Id);
        await ProblemAsync(read, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_dsa_suspended_after_release_When_read_Then_refused_no_active_dsa()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        (await story.ReleaseAsync(disclosure.Id)).Dispose();
        await story.SuspendDsaAsync();

        using var response = await story.ReadPackageAsync(disclosure.Id);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["no-active-dsa"], ReasonCodes(problem));
    }

    [Fact]
    public async Task A_category_outside_the_approval_is_422_and_nothing_is_stored()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        using var response = await story.ReleaseAsync(disclosure.Id, new Dictionary<string, object> { ["caring.role"] = "x", ["health.mental"] = "y" });

        await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountPackagesAsync(disclosure.Id));
        using var reread = await GetAsync(story.CouncilPractitioner(), $"/api/disclosures/{disclosure.Id}");
        Assert.Equal("approved", (await ReadAsync<DisclosureBody>(reread)).Status);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_413_and_nothing_is_stored()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        using var response = await story.ReleaseAsync(disclosure.Id, new Dictionary<string, object> { ["caring.role"] = new string('a', 300 * 1024) });

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountPackagesAsync(disclosure.Id));
    }

    [Fact]
    public async Task A_body_of_200_KiB_is_accepted()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        using var response = await story.ReleaseAsync(disclosure.Id, new Dictionary<string, object> { ["caring.role"] = new string('a', 200 * 1024) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_holder_releases_and_only_the_requester_reads()
    {
        var (story, disclosure) = await RequestedAsync(platform);

        using var byRequester = await story.ReleaseAsync(disclosure.Id, client: story.SchoolPractitioner());
        await ProblemAsync(byRequester, HttpStatusCode.Forbidden);
        using var byStranger = await story.ReleaseAsync(disclosure.Id, client: story.Disclosures("Practitioner", NewOrg("GP")));
        await ProblemAsync(byStranger, HttpStatusCode.NotFound);

        (await story.ReleaseAsync(disclosure.Id)).Dispose();
        using var byHolder = await story.ReadPackageAsync(disclosure.Id, story.CouncilPractitioner());
        await ProblemAsync(byHolder, HttpStatusCode.Forbidden);
        using var twice = await story.ReleaseAsync(disclosure.Id);
        await ProblemAsync(twice, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_denied_disclosure_cannot_be_released()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(withConsent: false);
        var disclosure = await story.RequestAsync();

        using var response = await story.ReleaseAsync(disclosure.Id);

        await ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_payload_is_encrypted_at_rest_and_never_logged_nor_published()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        var secret = $"secret-{Guid.NewGuid():N}";

        using var released = await story.ReleaseAsync(disclosure.Id, new Dictionary<string, object> { ["caring.role"] = new { note = secret } });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        using var read = await story.ReadPackageAsync(disclosure.Id);
        Assert.Contains(secret, await read.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await platform.Events.WaitForAsync<PackageRead>(e => e.DisclosureId == disclosure.Id);

        var database = await DumpDatabaseAsync();
        Assert.Contains(disclosure.Id.ToString(), database, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), database, StringComparison.Ordinal);
        Assert.NotEmpty(platform.Logs.Lines);
        Assert.DoesNotContain(platform.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(platform.Events.AllMessages, m => JsonSerializer.Serialize(m, m.GetType()).Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_retention_window_the_package_is_purged_and_reads_are_410()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(retentionDays: 1);
        var swept = await story.RequestAsync();
        var readLate = await story.RequestAsync();
        (await story.ReleaseAsync(swept.Id)).Dispose();
        (await story.ReleaseAsync(readLate.Id)).Dispose();

        platform.Clock.Offset = TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        try
        {
            // One package is purged by a read that comes too late, the other by the sweep.
            using var late = await story.ReadPackageAsync(readLate.Id);
            await ProblemAsync(late, HttpStatusCode.Gone);
            var purged = await platform.Disclosure.Services.GetRequiredService<PurgeSweeper>().SweepAsync(Cancel);
            Assert.True(purged >= 1);
        }
        finally
        {
            platform.Clock.Offset = TimeSpan.Zero;
        }

        using var afterSweep = await story.ReadPackageAsync(swept.Id);
        await ProblemAsync(afterSweep, HttpStatusCode.Gone);
        Assert.Equal(0, await CountPackagesAsync(swept.Id));
        Assert.Equal(0, await CountPackagesAsync(readLate.Id));
        await platform.Events.WaitForAsync<PackagePurged>(e => e.DisclosureId == swept.Id || e.DisclosureId == readLate.Id, count: 2);
        using var state = await GetAsync(story.SchoolPractitioner(), $"/api/disclosures/{swept.Id}");
        Assert.Equal("purged", (await ReadAsync<DisclosureBody>(state)).Status);
    }

    private async Task<long> CountPackagesAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(platform.Disclosure.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("select count(*) from disclosure.mt_doc_sealedpackage where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    /// <summary>Every row of every table of the disclosure schema, as text.</summary>
    private async Task<string> DumpDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(platform.Disclosure.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'disclosure' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel)) tables.Add(reader.GetString(0));
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from disclosure.\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel)) dump.AppendLine(reader.GetString(0));
        }

        return dump.ToString();
    }

    /// <summary>Issue 24: PostgreSQL keeps the internal events under their first names (<c>mt_events.type</c>), read back as the service's own types.</summary>
    [Fact]
    public async Task A_request_approval_release_and_read_are_stored_under_their_names_of_before()
    {
        var id = (await (await new Scenario(platform).GivenDsaAndConsentAsync()).ReleasedAndReadAsync()).Id;

        await using var session = platform.Disclosure.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var stored = await session.Events.FetchStreamAsync(id, token: Cancel);

        Assert.Equal(["disclosure_requested", "disclosure_approved", "disclosure_released", "package_read"], stored.Select(e => e.EventTypeName));
        Assert.All(stored, e => Assert.Equal(typeof(Domain.DisclosureEvent), e.Data.GetType().DeclaringType));
    }
}
