using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// Issue 18: the ledgered tenant registry on a real database and broker. A platform administrator
/// onboards, changes and offboards a tenant; every change is published for the ledger; the answer
/// every process asks for over RabbitMQ follows at once; stale If-Match is 412; other roles are 403.
/// </summary>
public sealed class TenantRegistryRouteTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    private HttpClient Admin() => Registry.As(PlatformRoles.PlatformAdministrator, "CP-OPERATOR");

    [Fact]
    public async Task Onboarding_changing_and_offboarding_a_tenant_reach_the_answer_every_process_asks_for()
    {
        var tenantId = "tid-" + Guid.NewGuid().ToString("N")[..12];
        var org = NewOrg("URN");

        using var onboarded = await PutAsync(Admin(), $"/api/tenants/{tenantId}", new { name = "Hillside School", orgIds = new[] { org }, roles = new[] { "Practitioner" } });
        Assert.Equal(HttpStatusCode.OK, onboarded.StatusCode);
        var body = await ReadAsync<JsonElement>(onboarded);
        Assert.Equal("registry", body.GetProperty("source").GetString());
        Assert.NotNull(ETag(onboarded));
        Assert.Contains((await Fixture.ListTenantsAsync()).Tenants, t => t.TenantId == tenantId && t.OrgIds.SequenceEqual([org]));

        using var changed = await PutAsync(Admin(), $"/api/tenants/{tenantId}", new { name = "Hillside School", orgIds = new[] { org }, roles = new[] { "Practitioner", "IgOfficer" } }, ETag(onboarded));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains((await Fixture.ListTenantsAsync()).Tenants, t => t.TenantId == tenantId && t.Roles.Contains("IgOfficer"));

        // The first ETag is stale now.
        await ProblemAsync(await PostAsync(Admin(), $"/api/tenants/{tenantId}/offboard", new { reason = "Left" }, ETag(onboarded)), HttpStatusCode.PreconditionFailed);
        using var offboarded = await PostAsync(Admin(), $"/api/tenants/{tenantId}/offboard", new { reason = "The school left the partnership." });
        Assert.Equal(HttpStatusCode.NoContent, offboarded.StatusCode);
        Assert.DoesNotContain((await Fixture.ListTenantsAsync()).Tenants, t => t.TenantId == tenantId);
    }

    [Fact]
    public async Task Only_a_platform_administrator_may_read_or_change_the_registry()
    {
        foreach (var role in PlatformRoles.All.Where(r => r != PlatformRoles.PlatformAdministrator))
        {
            using var client = Registry.As(role, Registry.LocalAuthority, role == PlatformRoles.YoungCarer ? "yc-1" : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, "/api/tenants")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(client, "/api/tenants/tid-x", new { name = "X", orgIds = new[] { "URN-1" }, roles = new[] { "Practitioner" } })).StatusCode);
        }
    }
}
