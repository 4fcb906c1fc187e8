namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// Each service's own RabbitMQ user on one virtual host, with the configure/write/read permissions
/// <c>infra/broker-permissions</c> gives it, as <c>infra/deps</c> makes them for vhost <c>/</c>. Users
/// belong to the whole node, so the names carry a suffix of their own (suites share the broker) and
/// every password is fresh.
/// </summary>
public sealed class ServiceBrokerUsers
{
    private ServiceBrokerUsers(IReadOnlyList<Grant> grants) => Grants = grants;

    /// <summary>A service's user, password and the three regexes it was given.</summary>
    public sealed record Grant(string Service, string User, string Password, string Configure, string Write, string Read);

    public IReadOnlyList<Grant> Grants { get; }

    public Grant this[string service] => Grants.Single(g => g.Service == service);

    public static ServiceBrokerUsers Create(string suffix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(suffix);
        var lines = ReadPermissions(Path.Combine(RepositoryRoot.Find(), "infra", "broker-permissions"));
        var grants = lines.GroupBy(l => l.Service).Select(g =>
        {
            string Pattern(string kind) => g.SingleOrDefault(l => l.Kind == kind).Pattern
                ?? throw new InvalidOperationException($"infra/broker-permissions has no {kind} line for {g.Key}");
            return new Grant(g.Key, $"cp-{g.Key}-{suffix}", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
                Pattern("configure"), Pattern("write"), Pattern("read"));
        }).ToList();
        return new ServiceBrokerUsers(grants);
    }

    /// <summary>
    /// The users and their permissions on <paramref name="virtualHost"/> as RabbitMQ definitions, for
    /// the management API's <c>POST /api/definitions</c> or <c>rabbitmqctl import_definitions</c>.
    /// </summary>
    public string Definitions(string virtualHost) => JsonSerializer.Serialize(new
    {
        users = Grants.Select(g => new { name = g.User, password = g.Password, tags = "" }),
        permissions = Grants.Select(g => new { user = g.User, vhost = virtualHost, configure = g.Configure, write = g.Write, read = g.Read }),
    });

    /// <summary>The settings a service is given: the broker's, with the service's own user.</summary>
    public IReadOnlyDictionary<string, BrokerSettings> SettingsOn(BrokerSettings broker) =>
        Grants.ToDictionary(g => g.Service, g => broker with { Username = g.User, Password = g.Password });

    /// <summary>The lines <c>&lt;service&gt; &lt;configure|write|read&gt; &lt;regex&gt;</c>; <c>#</c> starts a comment.</summary>
    private static List<(string Service, string Kind, string Pattern)> ReadPermissions(string path)
    {
        var lines = new List<(string, string, string)>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3 || fields[1] is not ("configure" or "write" or "read"))
            {
                throw new InvalidOperationException($"{path}: not '<service> <configure|write|read> <regex>': {line}");
            }

            lines.Add((fields[0], fields[1], fields[2]));
        }

        return lines;
    }
}
