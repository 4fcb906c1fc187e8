namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary><c>GET /api/audit/entries</c>: filters, keyset paging, validation and who may read.</summary>
public sealed class EntriesQueryTests(AuditFixture audit)
{
    [Fact]
    public async Task Pages_follow_the_sequence_with_after_and_limit_until_the_last_page()
    {
        var s = new Samples();
        var events = Enumerable.Range(0, 5).Select(i => (IPlatformEvent)s.Granted(Guid.NewGuid(), s.T0.AddMinutes(i))).ToArray();
        await audit.LedgerAsync(events);
        using var client = audit.Auditor();

        var first = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}&limit=2");
        var second = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}&limit=2&after={first.NextAfter}");
        var last = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}&limit=2&after={second.NextAfter}");

        var all = first.Entries.Concat(second.Entries).Concat(last.Entries).ToList();
        // The ledger's order is the order events arrived in, which the broker does not promise to be
        // the publishing order: the pages hold each event exactly once, in the ledger's sequence.
        Assert.Equal(events.Select(e => e.EventId).Order(), all.Select(e => e.Data.GetProperty("eventId").GetGuid()).Order());
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
        Assert.Null(last.NextAfter);
        Assert.Single(last.Entries);
        // Each entry names the hash of the one before it in the chain.
        Assert.All(all, e => Assert.Matches("^[0-9a-f]{64}$", e.PreviousHash));
    }

    [Fact]
    public async Task Time_and_combined_filters_narrow_the_entries()
    {
        var s = new Samples();
        var early = s.Granted(Guid.NewGuid(), s.T0, recipients: [s.School]);
        var late = s.Granted(Guid.NewGuid(), s.T0.AddDays(2));
        await audit.LedgerAsync(early, late);
        using var client = audit.Auditor();

        var from = Uri.EscapeDataString(s.T0.AddDays(1).ToString("O"));
        var later = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}&from={from}");
        var to = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}&to={from}");
        var schoolAndPurpose = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?orgId={s.School}&purpose={s.Purpose}&subjectId={s.Subject}");

        Assert.Equal(late.EventId, Assert.Single(later.Entries).Data.GetProperty("eventId").GetGuid());
        Assert.Equal(early.EventId, Assert.Single(to.Entries).Data.GetProperty("eventId").GetGuid());
        Assert.Equal(early.EventId, Assert.Single(schoolAndPurpose.Entries).Data.GetProperty("eventId").GetGuid());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("subjectId=not%20valid", "subjectId")]
    [InlineData("purpose=Upper", "purpose")]
    [InlineData("orgId=school-1%0A", "orgId")] // `$` would let a trailing newline through; the shared vocabulary uses `\z`
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to")]
    public Task Bad_query_is_400_naming_the_field(string query, string field) =>
        audit.AssertValidationProblemAsync($"/api/audit/entries?{query}", field);

    [Theory]
    [InlineData(PlatformRoles.YoungCarer, "/api/audit/entries")]
    [InlineData(PlatformRoles.Practitioner, "/api/audit/entries")]
    [InlineData(PlatformRoles.IgOfficer, "/api/audit/verify")]
    [InlineData(PlatformRoles.SafeguardingLead, "/api/audit/verify")]
    public async Task Only_auditors_read_the_ledger(string role, string path)
    {
        using var client = audit.Host.ClientFor(role, org: role == PlatformRoles.YoungCarer ? null : "school-1", subjectId: role == PlatformRoles.YoungCarer ? "yc-1" : null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_is_401()
    {
        using var client = audit.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/audit/entries", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
