namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// A fresh RabbitMQ virtual host for one suite (created through the management API, deleted
/// when the suite ends), so that runs never see each other's queues or messages.
/// </summary>
public sealed class IsolatedVirtualHost : IAsyncDisposable
{
    private readonly HttpClient management;
    private ServiceBrokerUsers? serviceUsers;

    private IsolatedVirtualHost(HttpClient management, string name, InfrastructureEndpoints endpoints)
    {
        this.management = management;
        Name = name;
        var user = endpoints.RabbitMq.UserInfo.Split(':');
        Host = endpoints.RabbitMq.Host;
        Port = (ushort)(endpoints.RabbitMq.IsDefaultPort ? 5672 : endpoints.RabbitMq.Port);
        Username = Uri.UnescapeDataString(user[0]);
        Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest";
    }

    public string Name { get; }
    public string Host { get; }
    public ushort Port { get; }
    public string Username { get; }
    public string Password { get; }

    public static async Task<IsolatedVirtualHost> CreateAsync(InfrastructureEndpoints endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var client = ManagementClient(endpoints.RabbitMqManagement);
        var name = $"t-{prefix}-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(endpoints.RabbitMq.UserInfo.Split(':')[0]);
        (await client.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        (await client.PutAsync($"api/permissions/{name}/{user}", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        return new IsolatedVirtualHost(client, name, endpoints);
    }

    public BrokerSettings Settings => new(Host, Port, Name, Username, Password);

    /// <summary>
    /// Gives every service a user of its own on this virtual host, limited as <c>infra/broker-permissions</c>
    /// says (the administrator's user stays the tests'); the users are deleted with the virtual host.
    /// </summary>
    public async Task<ServiceBrokerUsers> AddServiceUsersAsync()
    {
        serviceUsers = ServiceBrokerUsers.Create(Name[^12..]);
        using var response = await management.PostAsync("api/definitions", Json(serviceUsers.Definitions(Name)));
        response.EnsureSuccessStatusCode();
        return serviceUsers;
    }

    /// <summary>The settings a service reads from configuration section <c>RabbitMq</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration() => Settings.AsConfiguration();

    public async ValueTask DisposeAsync()
    {
        using (management)
        {
            await management.DeleteAsync($"api/vhosts/{Name}");
            foreach (var grant in serviceUsers?.Grants ?? []) await management.DeleteAsync($"api/users/{grant.User}");
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The management API at <paramref name="managementUri"/>'s authority, with its credentials; paths start with <c>api/</c>.</summary>
    public static HttpClient ManagementClient(Uri managementUri)
    {
        ArgumentNullException.ThrowIfNull(managementUri);
        var credentials = Uri.UnescapeDataString(managementUri.UserInfo);
        var client = new HttpClient { BaseAddress = new Uri(managementUri.GetLeftPart(UriPartial.Authority) + "/"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }
}
