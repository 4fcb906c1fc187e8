[assembly: AssemblyFixture(typeof(AuditFixture))]

namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>
/// One audit service for the run (its own database and virtual host) and a publisher bus on the
/// same virtual host that stands for the other three services: tests publish contracts exactly as
/// they would, with the event id as the message id. Tests use subject and org ids of their own.
/// Tests that tamper with rows use a database of their own (<see cref="Ledgers"/>), never this one.
/// </summary>
public sealed class AuditFixture : IAsyncLifetime
{
    private IBusControl? publisher;

    public AuditHost Host { get; } = new();

    public IBus Publisher => publisher ?? throw new InvalidOperationException("not initialised");

    public LedgerDatabase Database => Host.Services.GetRequiredService<LedgerDatabase>();

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        publisher = await TestBuses.StartAsync(Host.VirtualHost);
    }

    public HttpClient Auditor() => Host.ClientFor(PlatformRoles.Auditor);

    public HttpClient YoungCarer(string subjectId) => Host.ClientFor(PlatformRoles.YoungCarer, subjectId: subjectId);

    public Task PublishAsync(params IPlatformEvent[] events) => TestBuses.PublishAsync(Publisher, events);

    /// <summary>Waits until every event id is in the ledger; returns their sequences, by event id.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> LedgeredAsync(IEnumerable<Guid> eventIds, TimeSpan? timeout = null)
    {
        var ids = eventIds.Distinct().ToArray();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = new Dictionary<Guid, long>();
            await using (var connection = await Database.OpenAsync(CancellationToken.None))
            await using (var command = new NpgsqlCommand("select event_id, sequence from audit.ledger where event_id = any(@ids)", connection))
            {
                command.Parameters.AddWithValue("ids", ids);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) found[reader.GetGuid(0)] = reader.GetInt64(1);
            }

            if (found.Count == ids.Length) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{found.Count} of {ids.Length} events were ledgered in time.");
            await Task.Delay(100);
        }
    }

    public Task<IReadOnlyDictionary<Guid, long>> LedgeredAsync(params IPlatformEvent[] events) =>
        LedgeredAsync(events.Select(e => e.EventId));

    /// <summary>Publishes the events and waits until every one is in the ledger; returns their sequences, by event id.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> LedgerAsync(params IPlatformEvent[] events)
    {
        await PublishAsync(events);
        return await LedgeredAsync(events);
    }

    /// <summary>Asserts that the auditor's GET of <paramref name="uri"/> is a 400 validation problem naming <paramref name="field"/>.</summary>
    public async Task AssertValidationProblemAsync(string uri, string field)
    {
        using var auditor = Auditor();
        using var response = await auditor.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
    }

    public async Task<T> GetAsync<T>(HttpClient client, string uri)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (publisher is not null) await publisher.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
    }
}
