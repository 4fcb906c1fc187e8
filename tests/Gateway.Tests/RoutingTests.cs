namespace ConsentPlatform.Gateway.Tests;

public sealed class RoutingTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    public static TheoryData<string, string, string> AllowedRoutes => new()
    {
        { PlatformRoles.YoungCarer, "/api/consents", "consent" },
        { PlatformRoles.YoungCarer, "/api/consents/c-1/history", "consent" },
        { PlatformRoles.YoungCarer, "/api/consents/c-1/explanation", "consent" },
        { PlatformRoles.Practitioner, "/api/consents/c-1/explanation", "consent" },
        { PlatformRoles.Auditor, "/api/consents/c-1/explanation", "consent" },
        { PlatformRoles.YoungCarer, "/api/me/disclosures", "audit" },
        { PlatformRoles.Practitioner, "/api/consents?subjectId=yc-0001", "consent" },
        { PlatformRoles.Practitioner, "/api/dsas?orgId=SCH-100001&status=active", "dsa-registry" },
        { PlatformRoles.Practitioner, "/api/disclosures/d-1/package", "disclosure" },
        { PlatformRoles.IgOfficer, "/api/dsas", "dsa-registry" },
        { PlatformRoles.IgOfficer, "/api/dsas/dsa-1/history", "dsa-registry" },
        { PlatformRoles.SafeguardingLead, "/api/dsas/dsa-1", "dsa-registry" },
        { PlatformRoles.SafeguardingLead, "/api/disclosures?subjectId=yc-0001", "disclosure" },
        { PlatformRoles.Auditor, "/api/consents/c-1", "consent" },
        { PlatformRoles.Auditor, "/api/dsas", "dsa-registry" },
        { PlatformRoles.Auditor, "/api/disclosures/d-1", "disclosure" },
        { PlatformRoles.Auditor, "/api/audit/entries?subjectId=yc-0001&limit=10", "audit" },
        { PlatformRoles.Auditor, "/api/audit/disclosures/d-1/replay", "audit" },
        { PlatformRoles.Practitioner, "/api/subjects/yc-0001/competence", "consent" },
        { PlatformRoles.YoungCarer, "/api/subjects/yc-0001/competence", "consent" },
    };

    [Theory]
    [MemberData(nameof(AllowedRoutes))]
    public async Task Dev_token_reaches_the_routes_service_with_the_Authorization_header_unchanged(string role, string path, string service)
    {
        var token = await Host.DevTokenForAsync(role);

        using var response = await Host.GetAsync(path, token);

        var echoed = await response.EchoedAsync();
        Assert.Equal(service, echoed.Service);
        Assert.Equal(path, echoed.Path + echoed.Query);
        Assert.Equal($"Bearer {token}", echoed.Authorization);
    }

    public static TheoryData<string, string> ForbiddenRoutes => new()
    {
        { PlatformRoles.YoungCarer, "/api/audit/entries" },
        { PlatformRoles.YoungCarer, "/api/dsas" },
        { PlatformRoles.YoungCarer, "/api/disclosures" },
        { PlatformRoles.Practitioner, "/api/audit/entries" },
        { PlatformRoles.Practitioner, "/api/me/disclosures" },
        { PlatformRoles.IgOfficer, "/api/consents" },
        { PlatformRoles.IgOfficer, "/api/disclosures" },
        { PlatformRoles.SafeguardingLead, "/api/consents" },
        { PlatformRoles.IgOfficer, "/api/consents/c-1/explanation" },
        { PlatformRoles.SafeguardingLead, "/api/consents/c-1/explanation" },
        { PlatformRoles.SafeguardingLead, "/api/audit/verify" },
        { PlatformRoles.Auditor, "/api/me/disclosures" },
        { PlatformRoles.Auditor, "/api/subjects/yc-0001/competence" },
        { PlatformRoles.IgOfficer, "/api/subjects/yc-0001/competence" },
        { PlatformRoles.SafeguardingLead, "/api/subjects/yc-0001/competence" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenRoutes))]
    public async Task Role_that_may_not_use_a_route_is_403_problem_and_the_service_never_sees_it(string role, string path)
    {
        var token = await Host.DevTokenForAsync(role);
        var probe = $"{path}?probe={Guid.NewGuid():N}";

        using var response = await Host.GetAsync(probe, token);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Host.AssertNeverReached(probe);
    }

    [Fact]
    public async Task Post_body_is_forwarded_to_the_service()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.YoungCarer);
        using var content = JsonContent.Create(new { subjectId = "yc-0001", purpose = "school-support", givenBy = "self" });

        using var response = await Host.SendAsync(HttpMethod.Post, "/api/consents", token, content);

        var echoed = await response.EchoedAsync();
        Assert.Equal("POST", echoed.Method);
        Assert.True(echoed.BodyLength > 0);
    }

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/api/consentsx")]
    [InlineData("/auth/unknown")]
    [InlineData("/openapi/unknown.json")]
    [InlineData("/health/unknown")]
    public async Task Path_outside_the_route_table_is_404_problem(string path)
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Auditor);

        using var anonymous = await Host.GetAsync(path);
        using var signedIn = await Host.GetAsync(path, token);

        await anonymous.AssertProblemAsync(HttpStatusCode.NotFound);
        await signedIn.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>
/// The consent routes narrower than the consent API (issue 16): only a practitioner proposes, only
/// the young person answers a proposal. Anyone else is refused at the gateway; the service never sees it.
/// </summary>
public sealed class ProposalRoutingTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    public static TheoryData<string, string, bool> Posts => new()
    {
        { PlatformRoles.Practitioner, "/api/consents/proposals", true },
        { PlatformRoles.YoungCarer, "/api/consents/proposals", false },
        { PlatformRoles.Auditor, "/api/consents/proposals", false },
        { PlatformRoles.YoungCarer, "/api/consents/c-1/accept", true },
        { PlatformRoles.YoungCarer, "/api/consents/c-1/decline", true },
        { PlatformRoles.Practitioner, "/api/consents/c-1/accept", false },
        { PlatformRoles.Practitioner, "/api/consents/c-1/decline", false },
        { PlatformRoles.Auditor, "/api/consents/c-1/accept", false },
        { PlatformRoles.IgOfficer, "/api/consents/c-1/decline", false },
        { PlatformRoles.YoungCarer, "/api/consents/c-1/confirm", true },
        { PlatformRoles.Practitioner, "/api/consents/c-1/confirm", false },
        { PlatformRoles.Auditor, "/api/consents/c-1/confirm", false },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_reaches_the_consent_service_only_for_the_role_that_may_make_it(string role, string path, bool reaches)
    {
        var token = await Host.DevTokenForAsync(role);
        var probe = $"{path}?probe={Guid.NewGuid():N}";
        using var content = JsonContent.Create(new { });

        using var response = await Host.SendAsync(HttpMethod.Post, probe, token, content);

        if (reaches)
        {
            var echoed = await response.EchoedAsync();
            Assert.Equal(("consent", "POST"), (echoed.Service, echoed.Method));
        }
        else
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Host.AssertNeverReached(probe);
        }
    }

    [Fact]
    public async Task Reading_a_consent_is_not_caught_by_the_narrower_routes()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Auditor);

        using var response = await Host.GetAsync("/api/consents/c-1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>
/// The anonymous API routes, for exactly those paths and GET: the consent receipts' JWKS (issue 16),
/// <c>GET /api/consents/receipt-keys</c>, and the audit ledger's checkpoint, its verifier key and
/// consistency proofs (issue 19). Nothing else under <c>/api/consents</c> or <c>/api/audit</c> opens with them.
/// </summary>
public sealed class AnonymousRoutingTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    /// <summary>Each anonymous route: the service it reaches, and the roles that reach it with their token as well.</summary>
    private static readonly (string Service, string Path, string[] SignedIn)[] OpenRoutes =
    [
        ("consent", "/api/consents/receipt-keys", [PlatformRoles.YoungCarer, PlatformRoles.Practitioner, PlatformRoles.IgOfficer, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor]),
        ("audit", "/api/audit/checkpoint", [PlatformRoles.YoungCarer, PlatformRoles.Practitioner, PlatformRoles.Auditor]),
        ("audit", "/api/audit/checkpoint/key", []),
        ("audit", "/api/audit/proofs/consistency?from=1&to=2", []),
    ];

    private GatewayHost Host => gateway.Host;

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (service, path, _) in OpenRoutes) data.Add(service, path);
        return data;
    }

    public static TheoryData<string, string> SignedInCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, path, roles) in OpenRoutes)
        {
            foreach (var role in roles) data.Add(role, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_anonymous_route_reaches_its_service_without_a_token(string service, string path)
    {
        using var response = await Host.GetAsync(path);

        var echoed = await response.EchoedAsync();
        Assert.Equal((service, "GET", path.Split('?')[0]), (echoed.Service, echoed.Method, echoed.Path));
        Assert.Null(echoed.Authorization);
    }

    [Theory]
    [MemberData(nameof(SignedInCallers))]
    public async Task Every_role_reaches_an_anonymous_route(string role, string path)
    {
        var token = await Host.DevTokenForAsync(role);

        using var response = await Host.GetAsync(path, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/consents")]
    [InlineData("GET", "/api/consents/c-1")]
    [InlineData("GET", "/api/consents/c-1/receipts")]
    [InlineData("GET", "/api/consents/receipt-keys/x")]
    [InlineData("GET", "/api/consents/receipt-keysx")]
    [InlineData("POST", "/api/consents/receipt-keys")]
    [InlineData("GET", "/api/audit/entries")]
    [InlineData("GET", "/api/audit/verify")]
    [InlineData("GET", "/api/audit/proofs/inclusion")]
    [InlineData("GET", "/api/audit/entries/1/leaf")]
    [InlineData("GET", "/api/audit/checkpoint/x")]
    [InlineData("GET", "/api/audit/checkpointx")]
    [InlineData("GET", "/api/audit/proofs/consistency/x")]
    [InlineData("POST", "/api/audit/checkpoint")]
    [InlineData("POST", "/api/audit/checkpoint/cosignatures")]
    [InlineData("POST", "/api/audit/proofs/consistency")]
    public async Task Nothing_else_under_the_consent_or_audit_API_is_open_without_a_token(string method, string path)
    {
        var probe = $"{path}?probe={Guid.NewGuid():N}";

        using var response = await Host.SendAsync(new HttpMethod(method), probe, token: null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Host.AssertNeverReached(probe);
    }
}
