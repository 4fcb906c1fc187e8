namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one suite, dropped when the suite ends. Made with
/// <see cref="CreateOwnedAsync"/>, it also has a login role of its own that owns it and nothing
/// else (no superuser, no CREATEDB, no CREATEROLE; no other role may connect to it), which is how
/// a service process connects, as <c>infra/deps</c> sets up each service's database.
/// </summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    private readonly string server;

    private IsolatedDatabase(string server, string name, string? ownerPassword = null)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        if (ownerPassword is not null)
        {
            Owner = name;
            OwnerConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Username = name, Password = ownerPassword }.ConnectionString;
        }
    }

    public string Name { get; }

    /// <summary>As the server's administrator: for tests that inspect or tamper with what a service stored.</summary>
    public string ConnectionString { get; }

    /// <summary>The login role that owns the database (null when it has none).</summary>
    public string? Owner { get; }

    /// <summary>As the database's own role: what a service process is given.</summary>
    public string? OwnerConnectionString { get; }

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

    /// <summary>A fresh database owned by a fresh login role of the same name, which may do nothing else.</summary>
    public static async Task<IsolatedDatabase> CreateOwnedAsync(string server, string prefix)
    {
        var name = $"t_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await ExecuteAsync(server, $"create role \"{name}\" login password '{password}' nosuperuser nocreatedb nocreaterole noinherit");
        await ExecuteAsync(server, $"create database \"{name}\" owner \"{name}\"");
        // PUBLIC may connect to a new database by default: only its owner (and the administrator) may.
        await ExecuteAsync(server, $"revoke all on database \"{name}\" from public");
        return new IsolatedDatabase(server, name, password);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"drop database if exists \"{Name}\" with (force)");
        if (Owner is not null) await ExecuteAsync(server, $"drop role if exists \"{Owner}\"");
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
