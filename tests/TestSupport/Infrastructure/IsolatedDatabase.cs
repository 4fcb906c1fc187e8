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

    public static Task<IsolatedDatabase> CreateAsync(InfrastructureEndpoints endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return CreateAsync(endpoints.PostgresServer, prefix);
    }

    /// <summary>A fresh database on the server named by <paramref name="server"/> (a connection string without a database).</summary>
    public static async Task<IsolatedDatabase> CreateAsync(string server, string prefix)
    {
        var name = $"t_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await ExecuteAsync(server, $"create database \"{name}\"");
        return new IsolatedDatabase(server, name);
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
