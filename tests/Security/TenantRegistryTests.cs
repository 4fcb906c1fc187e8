namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Issue 18, the ledgered tenant registry, on the real processes: a platform administrator (from the
/// operator's configured tenant) onboards a school's tenant through the API; from then on every
/// process (the gateway and each service, which validate tokens themselves) maps that tenant's tokens
/// to the organisation the registry says, whatever the token claims; the onboarding is in the ledger;
/// and after an offboarding the tenant's tokens are refused everywhere again.
/// </summary>
public sealed class TenantRegistryTests(PlatformProcesses platform)
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_tenant_onboarded_by_a_platform_administrator_acts_for_its_mapped_organisation_everywhere_until_it_is_offboarded()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var tenantId = $"tenant-onboarded-{suffix}";
        var org = $"URN-ONB-{suffix}";
        using var admin = await platform.ClientAsAsync("PlatformAdministrator", name: "ops", tenantId: TestTenants.Platform);
        using var practitioner = await platform.ClientAsAsync("Practitioner", org: "LA-CLAIMED", name: "pat", tenantId: tenantId);

        // Before: a tenant nobody onboarded is 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await practitioner.GetAsync(new Uri("/api/dsas", UriKind.Relative), ct)).StatusCode);

        using var onboard = await admin.PutAsJsonAsync(new Uri($"/api/tenants/{tenantId}", UriKind.Relative),
            new { name = "Hillside School", orgIds = new[] { org }, roles = new[] { "Practitioner", "IgOfficer" } }, ct);
        Assert.Equal(HttpStatusCode.OK, onboard.StatusCode);
        var onboarded = await onboard.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("registry", onboarded.GetProperty("source").GetString());

        // Every process learns it within a few of its questions to the registry.
        await WaitUntilAsync(async () => (await practitioner.GetAsync(new Uri("/api/dsas", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK, "the gateway accepts the onboarded tenant");
        var token = practitioner.DefaultRequestHeaders.Authorization!;
        foreach (var service in new[] { "consent", "dsa-registry", "disclosure", "audit" })
        {
            using var direct = new HttpClient { BaseAddress = platform[service].BaseAddress };
            direct.DefaultRequestHeaders.Authorization = token;
            // Authenticated (not 401) at each service; the audit service answers a practitioner 403, the others 200.
            await WaitUntilAsync(async () => (await direct.GetAsync(new Uri(PathAt(service), UriKind.Relative), ct)).StatusCode != HttpStatusCode.Unauthorized, $"{service} accepts the onboarded tenant");
        }

        // The token claimed LA-CLAIMED; the registry says it acts for its school.
        using var share = await practitioner.PostAsJsonAsync(new Uri("/api/disclosures", UriKind.Relative), new
        {
            subjectId = "yc-onb-" + suffix, purpose = "school-support", holderOrgId = "LA-ONB-HOLDER", dataCategories = new[] { "caring.role" }, basis = "consent",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);
        Assert.Equal(org, (await share.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("requesterOrgId").GetString());

        // Listed for administrators, beside the configured tenants.
        var list = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/tenants", UriKind.Relative), ct);
        Assert.Contains(list.GetProperty("tenants").EnumerateArray(), t => t.GetProperty("tenantId").GetString() == tenantId && t.GetProperty("orgIds")[0].GetString() == org);
        Assert.Contains(list.GetProperty("tenants").EnumerateArray(), t => t.GetProperty("tenantId").GetString() == TestTenants.Platform && t.GetProperty("source").GetString() == "configuration");

        // Ledgered: an auditor sees the onboarding.
        using var auditor = await platform.ClientAsAsync("Auditor", name: "aud");
        await WaitUntilAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/audit/entries?orgId={org}", UriKind.Relative), ct);
            return entries.GetRawText().Contains("TenantOnboarded", StringComparison.Ordinal);
        }, "the ledger holds the onboarding");

        using var offboard = await admin.PostAsJsonAsync(new Uri($"/api/tenants/{tenantId}/offboard", UriKind.Relative), new { reason = "The school left the partnership." }, ct);
        Assert.Equal(HttpStatusCode.NoContent, offboard.StatusCode);
        await WaitUntilAsync(async () => (await practitioner.GetAsync(new Uri("/api/dsas", UriKind.Relative), ct)).StatusCode == HttpStatusCode.Unauthorized, "the gateway refuses the offboarded tenant");
        foreach (var service in new[] { "consent", "dsa-registry", "disclosure", "audit" })
        {
            using var direct = new HttpClient { BaseAddress = platform[service].BaseAddress };
            direct.DefaultRequestHeaders.Authorization = token;
            await WaitUntilAsync(async () => (await direct.GetAsync(new Uri(PathAt(service), UriKind.Relative), ct)).StatusCode == HttpStatusCode.Unauthorized, $"{service} refuses the offboarded tenant");
        }
    }

    [Fact]
    public async Task The_registry_never_hands_out_PlatformAdministrator_nor_rewrites_a_configured_tenant_and_bad_input_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await platform.ClientAsAsync("PlatformAdministrator", name: "ops", tenantId: TestTenants.Platform);
        var before = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/tenants", UriKind.Relative), ct);

        using var grantsAdmin = await admin.PutAsJsonAsync(new Uri("/api/tenants/tenant-greedy", UriKind.Relative),
            new { name = "Greedy", orgIds = new[] { "URN-G" }, roles = new[] { "PlatformAdministrator" } }, ct);
        using var rewritesConfigured = await admin.PutAsJsonAsync(new Uri($"/api/tenants/{TestTenants.School}", UriKind.Relative),
            new { name = "Hijack", orgIds = new[] { "LA-OTHER" }, roles = new[] { "Practitioner" } }, ct);
        using var staffAsYoungCarers = await admin.PutAsJsonAsync(new Uri("/api/tenants/tenant-mixed", UriKind.Relative),
            new { name = "Mixed", orgIds = new[] { "URN-M" }, roles = new[] { "YoungCarer" } }, ct);
        using var unknown = await admin.PostAsJsonAsync(new Uri("/api/tenants/tenant-never/offboard", UriKind.Relative), new { reason = "No such tenant." }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, grantsAdmin.StatusCode);
        Assert.Equal("application/problem+json", grantsAdmin.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, rewritesConfigured.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, staffAsYoungCarers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/tenants", UriKind.Relative), ct);
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    private static string PathAt(string service) => service switch
    {
        "consent" => "/api/consents?subjectId=yc-nobody",
        "dsa-registry" => "/api/dsas",
        "disclosure" => "/api/disclosures?subjectId=yc-nobody",
        _ => "/api/audit/verify",
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Propagation;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline) Assert.Fail($"Not within {Propagation.TotalSeconds} s: {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
