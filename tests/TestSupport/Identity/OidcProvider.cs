namespace ConsentPlatform.TestSupport.Identity;

/// <summary>One person who can sign in at a tenant: the login name typed at its sign-in form, and what its tokens claim.</summary>
public sealed record OidcAccount(string Login, string Name, IReadOnlyList<string> Roles, string? Org = null);

/// <summary>An identity tenant of the provider, issuing as <c>http://127.0.0.1:&lt;port&gt;/&lt;tenantId&gt;/v2.0</c>.</summary>
public sealed record OidcTenant(string TenantId, IReadOnlyList<OidcAccount> Accounts);

/// <summary>
/// A certified OpenID provider (npm's <c>oidc-provider</c> 9, <c>tests/TestSupport/Oidc/provider.mjs</c>)
/// run on loopback as the identity tenants of the platform's production sign-in path (issue 18),
/// started by the test support like RabbitMQ and PostgreSQL. Its issuers have Entra's shape and its
/// <c>/organizations/v2.0</c> metadata is Entra's multi-tenant template, so the platform validates
/// its tokens with Microsoft.Identity.Web exactly as it would validate Entra's.
/// <see cref="SignInAsync"/> goes through the authorization-code flow with PKCE as a browser would:
/// authorize, the tenant's sign-in form, the redirect back with a code, the code exchanged at the
/// token endpoint with its verifier.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string Audience = "api://consentplatform";
    public const string ClientId = "consentplatform-portal";

    /// <summary>Where the provider sends the code: never contacted, the test reads the redirect itself.</summary>
    public static readonly Uri RedirectUri = new("http://127.0.0.1:9/signin-oidc");

    private readonly Process process;
    private readonly string logFile;

    private OidcProvider(Process process, int port, string logFile)
    {
        this.process = process;
        Port = port;
        this.logFile = logFile;
    }

    public int Port { get; }

    /// <summary>
    /// The settings that put one process of the platform in its production authentication against this
    /// provider (Entra mode, Microsoft.Identity.Web, <c>organizations</c>); the disclosure service also gets
    /// its key ring named in <paramref name="workFolder"/>, which outside local mode is never guessed.
    /// </summary>
    public Dictionary<string, string> ProductionAuthentication(string process, string workFolder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth__Mode"] = "Entra",
            ["AzureAd__Instance"] = Instance,
            ["AzureAd__TenantId"] = "organizations",
            ["AzureAd__ClientId"] = ClientId,
            ["AzureAd__Audience"] = Audience,
        };
        if (process == "disclosure") settings["Disclosure__Keys__File"] = Path.Combine(workFolder, "disclosure-keys.json");
        return settings;
    }

    /// <summary>What <c>AzureAd:Instance</c> is set to: the provider's origin.</summary>
    public string Instance => $"http://127.0.0.1:{Port}/";

    public string IssuerOf(string tenantId) => $"http://127.0.0.1:{Port}/{tenantId}/v2.0";

    /// <param name="portalOrigins">Origins a portal signs in from (its <c>/signin-oidc</c> and <c>/signout-callback-oidc</c> are registered for the client).</param>
    public static async Task<OidcProvider> StartAsync(IReadOnlyList<OidcTenant> tenants, string workDir, TimeSpan? accessTokenLifetime = null, IReadOnlyList<Uri>? portalOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "TestSupport", "Oidc");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"{folder}/node_modules is missing: build tests/TestSupport (its npm ci target installs oidc-provider).");
        }

        var port = LoopbackPorts.Free();
        var configFile = Path.Combine(workDir, "oidc-provider.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(new
        {
            port,
            audience = Audience,
            scope = "access_as_user",
            accessTokenTtlSeconds = (int)(accessTokenLifetime ?? TimeSpan.FromMinutes(10)).TotalSeconds,
            clients = new[]
            {
                new
                {
                    clientId = ClientId,
                    // A portal's staff sign-in and its young carers' sign-in (issue 18).
                    redirectUris = (string[])[RedirectUri.ToString(), .. (portalOrigins ?? []).SelectMany(o => new[] { new Uri(o, "/signin-oidc").ToString(), new Uri(o, "/signin-oidc-young-carers").ToString() })],
                    postLogoutRedirectUris = (portalOrigins ?? []).SelectMany(o => new[] { new Uri(o, "/signout-callback-oidc").ToString(), new Uri(o, "/signout-callback-oidc-young-carers").ToString() }).ToArray(),
                },
            },
            tenants = tenants.Select(t => new
            {
                tenantId = t.TenantId,
                accounts = t.Accounts.ToDictionary(a => a.Login, a => new { name = a.Name, roles = a.Roles, org = a.Org }),
            }),
        }));

        var logFile = Path.Combine(workDir, "oidc-provider.log");
        var start = new ProcessStartInfo("bash", ["-c", $"exec node provider.mjs \"{configFile}\" >> \"{logFile}\" 2>&1"])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var provider = new OidcProvider(process, port, logFile);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the OpenID provider exited while starting:\n{provider.Log()}");
            try
            {
                using var response = await probe.GetAsync(new Uri($"{provider.Instance}organizations/v2.0/.well-known/openid-configuration"));
                if (response.IsSuccessStatusCode) return provider;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the OpenID provider did not start in 30 s:\n{provider.Log()}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Signs <paramref name="login"/> in at <paramref name="tenantId"/> through the authorization-code
    /// flow with PKCE and returns the access token for the platform's API.
    /// </summary>
    public async Task<string> SignInAsync(string tenantId, string login)
    {
        var issuer = IssuerOf(tenantId);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };

        var authorize = $"{issuer}/auth?client_id={ClientId}&response_type=code&scope=openid%20profile"
                        + $"&redirect_uri={Uri.EscapeDataString(RedirectUri.ToString())}&resource={Uri.EscapeDataString(Audience)}"
                        + $"&code_challenge={challenge}&code_challenge_method=S256&state={state}";
        var signInForm = await RedirectedAsync(browser, await browser.GetAsync(new Uri(authorize)));
        using (var form = await browser.GetAsync(signInForm))
        {
            if (form.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{tenantId}'s sign-in form answered {(int)form.StatusCode}: {await form.Content.ReadAsStringAsync()}");
        }

        var next = await RedirectedAsync(browser, await browser.PostAsync(new Uri(signInForm + "/login"), new FormUrlEncodedContent([new("login", login)])));
        for (var hop = 0; hop < 6 && !next.ToString().StartsWith(RedirectUri.ToString(), StringComparison.Ordinal); hop++)
        {
            next = await RedirectedAsync(browser, await browser.GetAsync(next));
        }

        var query = System.Web.HttpUtility.ParseQueryString(next.Query);
        if (query["state"] != state) throw new InvalidOperationException($"the redirect's state is not ours: {next}");
        var code = query["code"] ?? throw new InvalidOperationException($"no code in the redirect: {next}");
        using var token = await browser.PostAsync(new Uri($"{issuer}/token"), new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"),
            new("client_id", ClientId),
            new("code", code),
            new("redirect_uri", RedirectUri.ToString()),
            new("code_verifier", verifier),
            new("resource", Audience),
        ]));
        var body = await token.Content.ReadAsStringAsync();
        if (!token.IsSuccessStatusCode) throw new InvalidOperationException($"the token endpoint answered {(int)token.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<Uri> RedirectedAsync(HttpClient browser, HttpResponseMessage response)
    {
        using (response)
        {
            if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is null)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not a redirect: {await response.Content.ReadAsStringAsync()}");
            }

            return new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Log() => File.Exists(logFile) ? File.ReadAllText(logFile) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
