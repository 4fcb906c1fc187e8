namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Every bad token is refused at the gateway and, for a caller who goes around the gateway, at
/// each service itself: no process trusts what it did not verify.
/// </summary>
public sealed class TokenTests(PlatformProcesses platform)
{
    /// <summary>A read route per process, reached at the gateway or at the service's own port.</summary>
    private static readonly (string Process, string Path)[] ReadRoutes =
    [
        ("gateway", "/api/audit/entries"),
        ("consent", "/api/consents?subjectId=yc-1"),
        ("dsa-registry", "/api/dsas"),
        ("disclosure", "/api/disclosures?subjectId=yc-1"),
        ("audit", "/api/audit/entries"),
    ];

    public static TheoryData<string, string> Targets() => new(ReadRoutes);

    public static TheoryData<string, string, string> BadTokens()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (process, path) in ReadRoutes)
        {
            foreach (var kind in new[] { "missing", "alg-none", "other-key", "expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "garbage" })
            {
                data.Add(process, path, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_401_problem_json(string process, string path, string kind)
    {
        using var client = ClientOf(process);
        var token = Token(kind);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Valid_token_without_a_role_is_403(string process, string path)
    {
        using var client = ClientOf(process);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forger().WithoutRole());

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Role_claimed_in_a_header_is_ignored(string process, string path)
    {
        using var client = ClientOf(process);
        // A young carer's genuine token, plus headers claiming to be an auditor.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forger().Valid(PlatformRoles.YoungCarer));
        client.DefaultRequestHeaders.Add("roles", PlatformRoles.Auditor);
        client.DefaultRequestHeaders.Add("X-Role", PlatformRoles.Auditor);
        client.DefaultRequestHeaders.Add("X-Forwarded-User", "auditor");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task The_platform_key_signs_a_token_that_is_accepted_so_the_refusals_above_are_about_the_token()
    {
        using var client = ClientOf("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forger().Valid(PlatformRoles.IgOfficer));

        var response = await client.GetAsync(new Uri("/api/dsas", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private ForgedTokens Forger() => new(platform.KeyFile, $"http://localhost:{platform.Gateway.Port}");

    private string? Token(string kind) => kind switch
    {
        "missing" => null,
        "alg-none" => Forger().AlgNone(),
        "other-key" => Forger().OtherKey(),
        "expired" => Forger().Expired(),
        "not-yet-valid" => Forger().NotYetValid(),
        "wrong-issuer" => Forger().WrongIssuer(),
        "wrong-audience" => Forger().WrongAudience(),
        "garbage" => "not.a.token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private HttpClient ClientOf(string process) => new()
    {
        BaseAddress = process == "gateway" ? platform.Gateway.BaseAddress : platform[process].BaseAddress,
        Timeout = TimeSpan.FromSeconds(15),
    };
}
