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
    public void Given_a_shared_tenant_when_the_request_chooses_an_organisation_of_its_mapping_then_it_acts_for_it_whatever_the_token_claims()
    {
        var resolved = TenantMapping.Resolve(Tenants, "t-trust", "GP-1", ["Practitioner"], chosenOrg: "gp-2");

        Assert.True(resolved.IsAccepted);
        Assert.Equal("GP-2", resolved.OrgId);
        Assert.Equal(["Practitioner"], resolved.Roles);
        Assert.Equal(["GP-1", "GP-2"], resolved.OrgChoices);
    }

    [Fact]
    public void Given_a_request_choosing_an_organisation_outside_the_mapping_then_every_kind_of_tenant_is_refused()
    {
        Assert.Contains("may not act for URN-1", TenantMapping.Resolve(Tenants, "t-trust", "GP-1", ["Practitioner"], chosenOrg: "URN-1").Refusal, StringComparison.Ordinal);
        Assert.False(TenantMapping.Resolve(Tenants, "t-school", null, ["Practitioner"], chosenOrg: "GP-1").IsAccepted);
        Assert.False(TenantMapping.Resolve(Tenants, "t-young", null, ["YoungCarer"], chosenOrg: "URN-1").IsAccepted);
        Assert.Equal("URN-1", TenantMapping.Resolve(Tenants, "t-school", null, ["Practitioner"], chosenOrg: "urn-1").OrgId);
    }

    [Fact]
    public void Given_a_shared_tenant_without_a_choice_then_only_where_allowed_it_signs_in_with_no_organisation_no_role_and_its_choices()
    {
        var unchosen = TenantMapping.Resolve(Tenants, "t-trust", null, ["Practitioner"], allowUnchosen: true);
        var claimedOutside = TenantMapping.Resolve(Tenants, "t-trust", "URN-1", ["Practitioner"], allowUnchosen: true);

        Assert.True(unchosen.IsAccepted);
        Assert.Null(unchosen.OrgId);
        Assert.Empty(unchosen.Roles);
        Assert.Equal(["GP-1", "GP-2"], unchosen.OrgChoices);
        Assert.False(claimedOutside.IsAccepted);
        Assert.Empty(TenantMapping.Resolve(Tenants, "t-school", null, ["Practitioner"], allowUnchosen: true).OrgChoices);
    }

    [Fact]
    public void Given_a_shared_tenants_token_when_mapped_with_a_choice_then_it_carries_the_chosen_org_and_every_choice()
    {
        var token = Principal(("tid", "t-trust"), ("sub", "u-2"), ("roles", "Practitioner"));

        var chosen = Mapper().Map(token, localMode: false, chosenOrg: "GP-1").Mapped!;
        var unchosen = Mapper().Map(token, localMode: false, allowUnchosen: true).Mapped!;

        Assert.Equal(["GP-1"], chosen.FindAll("org").Select(c => c.Value));
        Assert.Equal(["GP-1", "GP-2"], chosen.FindAll(TenantTokenMapper.OrgChoiceClaim).Select(c => c.Value));
        Assert.Empty(unchosen.FindAll("org"));
        Assert.Empty(unchosen.FindAll("roles"));
        Assert.NotNull(Mapper().Map(token, localMode: false).Refusal);
    }

    [Fact]
    public void Given_a_local_dev_token_without_a_tenant_then_a_request_choosing_another_organisation_is_refused()
    {
        var devToken = Principal(("sub", "u-1"), ("org", "URN-9"), ("roles", "Practitioner"));

        Assert.Same(devToken, Mapper().Map(devToken, localMode: true, chosenOrg: "urn-9").Mapped);
        Assert.NotNull(Mapper().Map(devToken, localMode: true, chosenOrg: "URN-1").Refusal);
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
        return new TenantTokenMapper(Directory(options, new ManualClock()), Microsoft.Extensions.Logging.Abstractions.NullLogger<TenantTokenMapper>.Instance);
    }

    private static TenantDirectory Directory(OnboardedTenantsOptions configured, TimeProvider clock) =>
        new(new FixedOptions(configured), Microsoft.Extensions.Options.Options.Create(new TenantRegistryOptions { MaxAgeSeconds = 60 }), clock);

    [Fact]
    public void Given_the_registry_onboarded_a_tenant_then_its_tokens_are_mapped_like_a_configured_tenants()
    {
        var directory = Directory(new OnboardedTenantsOptions(), new ManualClock());
        directory.Accept(new OnboardedTenantList(3, [new TenantOnboarding("tid-new", "New school", ["URN-7"], ["IgOfficer"])]));
        var mapper = new TenantTokenMapper(directory, Microsoft.Extensions.Logging.Abstractions.NullLogger<TenantTokenMapper>.Instance);

        var mapped = mapper.Map(Principal(("sub", "u-1"), ("tid", "tid-new"), ("org", "URN-9"), ("roles", "IgOfficer")), localMode: false).Mapped;

        Assert.Equal("URN-7", mapped!.FindFirst("org")!.Value);
    }

    [Fact]
    public void Given_a_registry_entry_for_a_configured_tenant_then_the_configuration_wins()
    {
        var configured = new OnboardedTenantsOptions();
        configured.Tenants.Add(Tenant("tid-admin", ["PLATFORM"], "PlatformAdministrator"));
        var directory = Directory(configured, new ManualClock());

        directory.Accept(new OnboardedTenantList(1, [new TenantOnboarding("TID-ADMIN", "Hijack", ["URN-1"], ["Auditor"])]));

        var tenant = Assert.Single(directory.Tenants);
        Assert.Equal(["PlatformAdministrator"], tenant.Roles);
    }

    [Fact]
    public void Given_a_registry_answer_naming_PlatformAdministrator_then_the_role_is_not_accepted_from_it()
    {
        var directory = Directory(new OnboardedTenantsOptions(), new ManualClock());

        directory.Accept(new OnboardedTenantList(1, [new TenantOnboarding("tid-x", "X", ["URN-1"], ["PlatformAdministrator", "Auditor"])]));

        Assert.Equal(["Auditor"], Assert.Single(directory.Tenants).Roles);
    }

    [Fact]
    public void Given_no_answer_for_longer_than_the_maximum_age_then_only_configured_tenants_are_accepted()
    {
        var clock = new ManualClock();
        var directory = Directory(new OnboardedTenantsOptions(), clock);
        directory.Accept(new OnboardedTenantList(1, [new TenantOnboarding("tid-new", "New school", ["URN-7"], ["IgOfficer"])]));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(directory.Tenants);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(directory.Tenants);
    }

    [Fact]
    public void Given_a_newer_answer_after_the_tenants_were_read_then_the_next_read_has_it()
    {
        var directory = Directory(new OnboardedTenantsOptions(), new ManualClock());
        directory.Accept(new OnboardedTenantList(1, [new TenantOnboarding("tid-a", "A", ["URN-A"], ["IgOfficer"])]));
        Assert.Equal(["tid-a"], directory.Tenants.Select(t => t.TenantId));

        directory.Accept(new OnboardedTenantList(2, [new TenantOnboarding("tid-b", "B", ["URN-B"], ["IgOfficer"])]));

        Assert.Equal(["tid-b"], directory.Tenants.Select(t => t.TenantId));
        Assert.Same(directory.Tenants, directory.Tenants);
    }

    [Fact]
    public void Given_an_older_answer_arrives_after_a_newer_one_then_the_newer_stands()
    {
        var directory = Directory(new OnboardedTenantsOptions(), new ManualClock());
        directory.Accept(new OnboardedTenantList(5, []));

        directory.Accept(new OnboardedTenantList(4, [new TenantOnboarding("tid-old", "Offboarded since", ["URN-7"], ["IgOfficer"])]));

        Assert.Empty(directory.Tenants);
        Assert.Equal(5, directory.RegistryVersion);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
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
