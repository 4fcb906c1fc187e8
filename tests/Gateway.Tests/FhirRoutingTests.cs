namespace ConsentPlatform.Gateway.Tests;

/// <summary>
/// The FHIR R4 facade through the gateway (issue 21): Consent to the consent service and AuditEvent
/// to the audit service, GET only, for the roles of the JSON API each mirrors; the
/// CapabilityStatement, code systems and value sets from the gateway itself, public; every error
/// under /fhir (the gateway's own 401, 403 and 404 too) an OperationOutcome, never problem+json.
/// </summary>
public sealed class FhirRoutingTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Allowed => new()
    {
        { PlatformRoles.YoungCarer, "/fhir/Consent?patient=yc-0001", "consent" },
        { PlatformRoles.Practitioner, "/fhir/Consent?patient=yc-0001&status=active&_count=5", "consent" },
        { PlatformRoles.Auditor, "/fhir/Consent/c-1", "consent" },
        { PlatformRoles.Auditor, "/fhir/Consent/c-1/_history", "consent" },
        { PlatformRoles.YoungCarer, "/fhir/Consent/c-1/_history/2", "consent" },
        { PlatformRoles.Auditor, "/fhir/AuditEvent?entity=d-1", "audit" },
        { PlatformRoles.YoungCarer, "/fhir/AuditEvent?patient=yc-0001&date=ge2026-01-01", "audit" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task A_FHIR_read_reaches_the_service_that_owns_the_data_unchanged(string role, string path, string service)
    {
        var token = await Host.DevTokenForAsync(role);

        using var response = await Host.GetAsync(path, token);

        var echoed = await response.EchoedAsync();
        Assert.Equal((service, path, $"Bearer {token}"), (echoed.Service, echoed.Path + echoed.Query, echoed.Authorization));
    }

    public static TheoryData<string, string> Forbidden => new()
    {
        { PlatformRoles.IgOfficer, "/fhir/Consent?patient=yc-0001" },
        { PlatformRoles.SafeguardingLead, "/fhir/Consent/c-1" },
        { PlatformRoles.CaldicottGuardian, "/fhir/Consent/c-1/_history" },
        { PlatformRoles.Practitioner, "/fhir/AuditEvent?entity=d-1" },
        { PlatformRoles.IgOfficer, "/fhir/AuditEvent?entity=d-1" },
        { PlatformRoles.SafeguardingLead, "/fhir/AuditEvent?patient=yc-0001" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_role_that_may_not_read_is_403_OperationOutcome_and_the_service_never_sees_it(string role, string path)
    {
        var token = await Host.DevTokenForAsync(role);
        var probe = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}probe={Guid.NewGuid():N}";

        using var response = await Host.GetAsync(probe, token);

        await AssertOutcomeAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Host.AssertNeverReached(probe);
    }

    [Fact]
    public async Task The_service_is_told_the_host_the_gateway_checked_never_a_forwarded_host_the_caller_sent()
    {
        // The facade builds its Bundle links from X-Forwarded-Host: YARP sets it from the checked Host.
        var token = await Host.DevTokenForAsync(PlatformRoles.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Consent?patient=yc-0001");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");

        using var response = await Host.Client.SendAsync(request, Cancel);

        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(Cancel);
        Assert.Equal(Host.Client.BaseAddress!.Authority, echoed!.ForwardedHost);
    }

    [Fact]
    public async Task No_token_is_401_OperationOutcome()
    {
        using var response = await Host.GetAsync("/fhir/Consent?patient=yc-0001");
        await AssertOutcomeAsync(response, HttpStatusCode.Unauthorized, "login");
    }

    [Theory]
    [InlineData("/fhir/Patient/yc-0001")]
    [InlineData("/fhir/AuditEvent/a-1")]
    [InlineData("/fhir")]
    public async Task A_path_the_facade_does_not_serve_is_404_OperationOutcome_and_never_reaches_the_portal(string path)
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Auditor);
        using var response = await Host.GetAsync(path, token);
        await AssertOutcomeAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Writing_is_not_served_a_POST_never_reaches_the_service()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.YoungCarer);
        using var content = new StringContent("""{"resourceType":"Consent"}""", System.Text.Encoding.UTF8, "application/fhir+json");

        using var response = await Host.SendAsync(HttpMethod.Post, "/fhir/Consent", token, content);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/fhir/metadata", "CapabilityStatement")]
    [InlineData("/fhir/CodeSystem/purpose", "CodeSystem")]
    [InlineData("/fhir/CodeSystem/data-category", "CodeSystem")]
    [InlineData("/fhir/ValueSet/purpose", "ValueSet")]
    [InlineData("/fhir/ValueSet/data-category", "ValueSet")]
    public async Task The_conformance_resources_are_public_and_served_by_the_gateway(string path, string resourceType)
    {
        using var response = await Host.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(resourceType, body.RootElement.GetProperty("resourceType").GetString());
        Assert.All(Host.Services.Values, s => Assert.DoesNotContain(path, s.Received));
    }

    [Fact]
    public async Task A_client_that_accepts_only_FHIR_XML_is_406_OperationOutcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata");
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");

        using var response = await Host.Client.SendAsync(request, Cancel);

        await AssertOutcomeAsync(response, HttpStatusCode.NotAcceptable, "not-supported");
    }

    [Fact]
    public async Task An_unknown_code_system_is_404_OperationOutcome()
    {
        using var response = await Host.GetAsync("/fhir/CodeSystem/nope");
        await AssertOutcomeAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private static async Task AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("OperationOutcome", body.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(code, body.RootElement.GetProperty("issue")[0].GetProperty("code").GetString());
    }
}
