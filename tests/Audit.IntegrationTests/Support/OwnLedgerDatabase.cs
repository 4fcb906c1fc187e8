namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>
/// A test class whose every test has a PostgreSQL database of its own (named after <paramref name="name"/>),
/// created before the test and dropped after it: for tests that write the ledger's tables directly.
/// </summary>
public abstract class OwnLedgerDatabase(string name) : IAsyncLifetime
{
    private IsolatedDatabase? database;
    private NpgsqlDataSource? dataSource;

    protected NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        database = await IsolatedDatabase.CreateAsync(await PlatformInfrastructure.GetAsync(), name);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await InitializedAsync();
    }

    /// <summary>What a test class puts in its new database before each test.</summary>
    protected virtual Task InitializedAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (dataSource is not null) await dataSource.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A consent grant numbered <paramref name="n"/>, as the ledger writer takes it.</summary>
    protected static IncomingEvent Event(int n)
    {
        using var data = JsonDocument.Parse($$"""{"n":{{n}},"purpose":"school-support"}""");
        return new IncomingEvent(Guid.NewGuid(), "ConsentGranted", "consent", $"yc-{n}", DateTimeOffset.UtcNow, data.RootElement.Clone());
    }
}
