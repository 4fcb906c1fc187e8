namespace ConsentPlatform.Gateway.Tests;

public sealed class DevTokenTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    [Fact]
    public async Task Dev_token_carries_the_requested_identity_and_lasts_an_hour()
    {
        using var response = await Host.Client.PostAsJsonAsync(
            "/auth/dev-token",
            new { role = PlatformRoles.Practitioner, name = "Priya Patel", org = "SCH-100001" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        var token = new JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Equal(GatewayHost.IssuerName, token.Issuer);
        Assert.Contains(LocalIssuer.Audience, token.Audiences);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(PlatformRoles.Practitioner, token.GetClaim(PlatformClaims.Roles).Value);
        Assert.Equal("SCH-100001", token.GetClaim(PlatformClaims.Org).Value);
        Assert.Equal("Priya Patel", token.GetClaim(PlatformClaims.Name).Value);
        Assert.InRange(token.ValidTo - token.ValidFrom, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Young_carer_token_carries_the_subject_id()
    {
        var token = new JsonWebToken(await Host.DevTokenAsync(PlatformRoles.YoungCarer, subjectId: "yc-0042"));

        Assert.Equal("yc-0042", token.GetClaim(PlatformClaims.SubjectId).Value);
        Assert.Equal(PlatformRoles.YoungCarer, token.GetClaim(PlatformClaims.Roles).Value);
    }

    public static TheoryData<string?, string?, string?, string?, string> InvalidRequests => new()
    {
        { "Admin", null, "SCH-1", null, "role" },
        { null, null, "SCH-1", null, "role" },
        { "auditor", null, null, null, "role" },
        { PlatformRoles.YoungCarer, null, null, null, "subjectId" },
        { PlatformRoles.YoungCarer, null, null, "yc 1", "subjectId" },
        { PlatformRoles.YoungCarer, null, null, "yc-1\n", "subjectId" },
        { PlatformRoles.YoungCarer, null, null, new string('a', 65), "subjectId" },
        { PlatformRoles.Practitioner, null, null, null, "org" },
        { PlatformRoles.IgOfficer, null, null, null, "org" },
        { PlatformRoles.SafeguardingLead, null, null, null, "org" },
        { PlatformRoles.Practitioner, null, "SCH_1", null, "org" },
        { PlatformRoles.Practitioner, null, "", null, "org" },
        { PlatformRoles.Auditor, "", null, null, "name" },
        { PlatformRoles.Auditor, new string('n', 101), null, null, "name" },
        { PlatformRoles.Auditor, "Alex\u0007", null, null, "name" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_dev_token_request_is_400_problem_naming_the_field(string? role, string? name, string? org, string? subjectId, string field)
    {
        using var response = await Host.Client.PostAsJsonAsync(
            "/auth/dev-token", new { role, name, org, subjectId }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.True(messages.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Dev_token_request_that_is_not_json_is_400_problem()
    {
        using var content = new StringContent("{ role: ", System.Text.Encoding.UTF8, "application/json");

        using var response = await Host.Client.PostAsync("/auth/dev-token", content, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
