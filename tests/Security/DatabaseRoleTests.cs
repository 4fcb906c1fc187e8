namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Each service holds only its own keys to PostgreSQL (issue 15): it connects as a login role that
/// owns its one database and can do nothing else. Checked against the running processes'
/// connections and by trying one service's role on another service's database.
/// </summary>
public sealed class DatabaseRoleTests(PlatformProcesses platform)
{
    [Fact]
    public async Task Every_service_is_connected_as_its_own_database_role_and_none_as_a_superuser()
    {
        // Each service answers readiness through its database, so each has a connection open now.
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var databases = platform.Databases.Values.ToDictionary(d => d.Name, d => d.Owner);
        await using var admin = new NpgsqlConnection(platform.Databases["consent"].ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "select a.datname, a.usename, r.rolsuper, r.rolcreatedb, r.rolcreaterole from pg_stat_activity a join pg_roles r on r.rolname = a.usename where a.datname = any(@names)",
            admin);
        query.Parameters.AddWithValue("names", databases.Keys.ToArray());
        var seen = new List<(string Database, string User, bool Super, bool CreateDb, bool CreateRole)>();
        await using (var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                seen.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4)));
            }
        }

        // The test's own administrative connection (to consent's database) is the one exception.
        var services = seen.Where(s => s.User != new NpgsqlConnectionStringBuilder(platform.Databases["consent"].ConnectionString).Username).ToList();
        Assert.Equal(databases.Keys.Order(), services.Select(s => s.Database).Distinct().Order());
        Assert.All(services, s =>
        {
            Assert.Equal(databases[s.Database], s.User);
            Assert.False(s.Super || s.CreateDb || s.CreateRole, $"{s.User} on {s.Database} may do more than use its own database");
        });
    }

    [Theory]
    [InlineData("consent", "disclosure")]
    [InlineData("consent", "audit")]
    [InlineData("disclosure", "consent")]
    [InlineData("dsa-registry", "audit")]
    [InlineData("audit", "disclosure")]
    public async Task A_services_role_is_refused_on_another_services_database(string service, string other)
    {
        var credentials = new NpgsqlConnectionStringBuilder(platform.Databases[service].OwnerConnectionString)
        {
            Database = platform.Databases[other].Name,
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(credentials.ConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        // 42501: insufficient privilege ("permission denied for database … User does not have CONNECT privilege").
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
