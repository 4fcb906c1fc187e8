using Npgsql;

namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>A fresh PostgreSQL database for one suite, dropped when the suite ends.</summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    private readonly string server;

    private IsolatedDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<IsolatedDatabase> CreateAsync(InfrastructureEndpoints endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var name = $"t_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await ExecuteAsync(endpoints.PostgresServer, $"create database \"{name}\"");
        return new IsolatedDatabase(endpoints.PostgresServer, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"drop database if exists \"{Name}\" with (force)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
