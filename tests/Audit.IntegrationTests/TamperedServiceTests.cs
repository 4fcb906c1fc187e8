namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>An audit service of its own, whose ledger this class tampers with, as someone with psql could.</summary>
public sealed class TamperedAuditService : ServiceHost<AuditEntryPoint>;

/// <summary>The acceptance check: an UPDATE of one ledger row, of a column or of its stored bytes, makes both verifications name that sequence.</summary>
public sealed class TamperedServiceTests(TamperedAuditService host) : IClassFixture<TamperedAuditService>
{
    [Fact]
    public async Task Updating_one_row_in_the_database_makes_verify_name_its_sequence_over_http_and_offline()
    {
        var s = new Samples();
        var bus = await TestBuses.StartAsync(host.VirtualHost);
        var events = Enumerable.Range(0, 3).Select(i => (IPlatformEvent)s.Granted(Guid.NewGuid(), s.T0.AddMinutes(i))).ToArray();
        try
        {
            await TestBuses.PublishAsync(bus, events);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await WaitForEntriesAsync(connection, 3);
        using var auditor = host.ClientFor(PlatformRoles.Auditor);
        Assert.True((await GetVerificationAsync(auditor)).Valid);

        await ExecuteAsync(connection, "update audit.ledger set subject_id = 'yc-someone-else' where sequence = 2");
        await AssertBothNameAsync(auditor, 2);

        await ExecuteAsync(connection, $"update audit.ledger set subject_id = '{s.Subject}' where sequence = 2");
        Assert.True((await GetVerificationAsync(auditor)).Valid);

        await ExecuteAsync(connection, "update audit.ledger set canonical = convert_to(replace(convert_from(canonical, 'UTF8'), 'a', 'b'), 'UTF8') where sequence = 3");
        await AssertBothNameAsync(auditor, 3);
    }

    private async Task AssertBothNameAsync(HttpClient auditor, long sequence)
    {
        var online = await GetVerificationAsync(auditor);
        using var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(["verify", "--connection", host.Database.ConnectionString], output, TextWriter.Null);

        Assert.Equal((false, 3L, (long?)sequence), (online.Valid, online.Entries, online.FirstInvalidSequence));
        Assert.Equal(1, exit);
        Assert.Contains($"\"firstInvalidSequence\":{sequence}", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>As a superuser, the ledger's append-only triggers switched off first (issue 19).</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand("set session_replication_role = replica; " + sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<VerificationResult> GetVerificationAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<VerificationResult>(response.Content, Json.Options, TestContext.Current.CancellationToken))!;
    }

    private static async Task WaitForEntriesAsync(NpgsqlConnection connection, long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand("select count(*) from audit.ledger", connection);
            if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the events were not ledgered in time");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
