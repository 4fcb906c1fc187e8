using ConsentPlatform.Hosting.Authentication;
using Xunit;

namespace ConsentPlatform.Gateway.Tests;

/// <summary><see cref="TenantMapping"/>: who a tenant's token acts as, decided by the platform's list, never the token alone.</summary>
public sealed class TenantMappingTests
{
    private static readonly OnboardedTenant School = Tenant("t-school", ["URN-1"], "Practitioner", "IgOfficer");
    private static readonly OnboardedTenant Trust = Tenant("t-trust", ["GP-1", "GP-2"], "Practitioner");
    private static readonly OnboardedTenant YoungCarers = Tenant("t-young", [], "YoungCarer");
    private static readonly OnboardedTenant[] Tenants = [School, Trust, YoungCarers];

    [Fact]
    public void Given_a_tenant_with_one_organisation_when_its_token_claims_another_then_it_acts_for_its_own()
    {
        var resolved = TenantMapping.Resolve(Tenants, "t-school", "LA-OTHER", ["Practitioner"]);

        Assert.True(resolved.IsAccepted);
        Assert.Equal("URN-1", resolved.OrgId);
        Assert.Equal(["Practitioner"], resolved.Roles);
    }

    [Fact]
    public void Given_an_unknown_tenant_then_it_is_refused()
    {
        var resolved = TenantMapping.Resolve(Tenants, "t-unknown", "URN-1", ["Practitioner"]);

        Assert.False(resolved.IsAccepted);
        Assert.Contains("not onboarded", resolved.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_roles_the_mapping_does_not_allow_then_they_are_dropped_and_none_left_is_refused()
    {
        var some = TenantMapping.Resolve(Tenants, "t-school", null, ["Auditor", "IgOfficer"]);
        var none = TenantMapping.Resolve(Tenants, "t-school", null, ["Auditor"]);

        Assert.Equal(["IgOfficer"], some.Roles);
        Assert.False(none.IsAccepted);
    }

    [Fact]
    public void Given_a_shared_tenant_then_the_chosen_organisation_must_be_in_its_mapping()
    {
        Assert.Equal("GP-2", TenantMapping.Resolve(Tenants, "t-trust", "gp-2", ["Practitioner"]).OrgId);
        Assert.False(TenantMapping.Resolve(Tenants, "t-trust", null, ["Practitioner"]).IsAccepted);
        Assert.False(TenantMapping.Resolve(Tenants, "t-trust", "URN-1", ["Practitioner"]).IsAccepted);
    }

    [Fact]
    public void Given_the_young_carers_tenant_then_no_organisation_and_young_carers_only()
    {
        var youngCarer = TenantMapping.Resolve(Tenants, "t-young", "URN-1", ["YoungCarer"]);

        Assert.True(youngCarer.IsAccepted);
        Assert.Null(youngCarer.OrgId);
        Assert.False(TenantMapping.Resolve(Tenants, "t-young", "URN-1", ["Practitioner"]).IsAccepted);
    }

    [Fact]
    public void Given_a_token_of_a_tenant_then_its_org_and_roles_are_replaced_by_the_mapping_and_everything_else_kept()
    {
        var token = Principal(("tid", "t-school"), ("sub", "u-1"), ("org", "LA-OTHER"), ("roles", "Practitioner"), ("roles", "Auditor"), ("name", "Pat"));

        var (mapped, refusal) = Mapper().Map(token, localMode: false);

        Assert.Null(refusal);
        Assert.Equal(["URN-1"], mapped!.FindAll("org").Select(c => c.Value));
        Assert.Equal(["Practitioner"], mapped.FindAll("roles").Select(c => c.Value));
        Assert.Equal(("u-1", "Pat"), (mapped.FindFirst("sub")!.Value, mapped.FindFirst("name")!.Value));
        Assert.True(mapped.Identity!.IsAuthenticated);
    }

    [Fact]
    public void Given_a_token_without_a_tenant_then_production_refuses_it_and_local_mode_keeps_it()
    {
        var devToken = Principal(("sub", "u-1"), ("org", "URN-9"), ("roles", "Practitioner"));

        Assert.NotNull(Mapper().Map(devToken, localMode: false).Refusal);
        Assert.Same(devToken, Mapper().Map(devToken, localMode: true).Mapped);
    }

    private static TenantTokenMapper Mapper()
    {
        var options = new OnboardedTenantsOptions();
        options.Tenants.AddRange(Tenants);
        return new TenantTokenMapper(new FixedOptions(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<TenantTokenMapper>.Instance);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new System.Security.Claims.ClaimsIdentity(claims.Select(c => new System.Security.Claims.Claim(c.Type, c.Value)), "Bearer", "name", "roles"));

    private sealed class FixedOptions(OnboardedTenantsOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<OnboardedTenantsOptions>
    {
        public OnboardedTenantsOptions CurrentValue => value;

        public OnboardedTenantsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OnboardedTenantsOptions, string?> listener) => null;
    }

    private static OnboardedTenant Tenant(string id, string[] orgs, params string[] roles)
    {
        var tenant = new OnboardedTenant { TenantId = id };
        tenant.OrgIds.AddRange(orgs);
        tenant.Roles.AddRange(roles);
        return tenant;
    }
}
