using ConsentPlatform.Hosting.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>
/// Prepared statements are on by default (<see cref="PlatformMarten.DefaultNpgsqlOptions"/>). Their one
/// hazard, on a real PostgreSQL: a schema change under a live pool invalidates a statement a connection
/// has prepared. What the platform relies on is that this costs one failed statement on that connection
/// (a share meeting it fails closed) and never a connection that keeps failing.
/// </summary>
public sealed class PreparedStatementsTests : IAsyncLifetime
{
    private const string Query = "select * from prepared_probe where id = @id";
    private IsolatedDatabase? database;

    public async ValueTask InitializeAsync() => database = await IsolatedDatabase.CreateAsync(await PlatformInfrastructure.GetAsync(), "prepared");

    public async ValueTask DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_statement_the_service_prepared_When_its_table_changes_under_the_pool_Then_it_fails_once_and_is_prepared_again()
    {
        // As a service connects: the platform's connection string, on one pooled connection so every run below shares it.
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Marten", database!.ConnectionString + ";Maximum Pool Size=1")]).Build();
        await using var service = NpgsqlDataSource.Create(PlatformMarten.ConnectionString(settings));
        await using var administrator = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var create = administrator.CreateCommand("create table prepared_probe (id int primary key, name text); insert into prepared_probe values (1, 'one')"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 10; i++) Assert.Equal(2, await ColumnsAsync(service));
        Assert.True(await PreparedOnTheConnectionAsync(service), "Npgsql should have prepared the statement after repeated runs (Max Auto Prepare)");

        await using (var alter = administrator.CreateCommand("alter table prepared_probe add column added text"))
        {
            await alter.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var stale = await Assert.ThrowsAsync<PostgresException>(() => ColumnsAsync(service));
        Assert.Equal(PostgresErrorCodes.FeatureNotSupported, stale.SqlState);
        Assert.Equal(3, await ColumnsAsync(service));
        Assert.Equal(3, await ColumnsAsync(service));
    }

    private static async Task<int> ColumnsAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("id", 1);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return reader.FieldCount;
    }

    private static async Task<bool> PreparedOnTheConnectionAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like '%prepared_probe%'", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }
}
