using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>The ledgered tenant registry (issue 18): who may be onboarded with what, decided purely.</summary>
public sealed class TenantRegistryTests
{
    private static readonly EventActor Admin = new("ops-1", "PlatformAdministrator", "CP-OPERATOR");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TenantOnboarding School = new("tid-school", "Hillside School", ["URN-1"], ["Practitioner", "IgOfficer"]);
    private static readonly string[] Configured = ["tid-platform"];

    private static TenantRegistry Given(params object[] events) => TenantRegistryEvolution.Fold(events);

    private static Refusal? Invalid(string tenantId, TenantRequest body)
    {
        var errors = new FieldErrors();
        Assert.Null(Onboarding.Validate(errors, tenantId, body));
        return errors.Refusal;
    }

    [Fact]
    public void Given_an_empty_registry_When_a_tenant_is_onboarded_Then_it_is_recorded_at_version_1()
    {
        var events = Onboarding.Decide(new OnboardTenant(School, Admin, Now), Given(), Configured);

        var onboarded = Assert.IsType<TenantEvent.Onboarded>(Assert.Single(events));
        Assert.Equal(School, onboarded.Tenant);
        var state = Given([.. events]);
        Assert.Equal(1, state.Version);
        Assert.Equal(School, state.Find("TID-SCHOOL"));
    }

    [Fact]
    public void Given_an_onboarded_tenant_When_its_mapping_changes_Then_the_change_is_recorded_and_the_same_mapping_again_records_nothing()
    {
        var state = Given(new TenantEvent.Onboarded(School, Admin, Now));
        var widened = School with { OrgIds = ["URN-1", "URN-2"] };

        var changed = Onboarding.Decide(new OnboardTenant(widened, Admin, Now), state, Configured);
        var again = Onboarding.Decide(new OnboardTenant(School with { Roles = ["IgOfficer", "Practitioner"] }, Admin, Now), state, Configured);

        Assert.IsType<TenantEvent.MappingChanged>(Assert.Single(changed));
        Assert.Empty(again);
        Assert.Equal(["URN-1", "URN-2"], Given(new TenantEvent.Onboarded(School, Admin, Now), changed.Events[0]).Find("tid-school")!.OrgIds);
    }

    [Fact]
    public void Given_a_configured_tenant_When_the_registry_is_asked_to_map_it_Then_conflict()
    {
        var hijack = new TenantOnboarding("TID-PLATFORM", "Hijack", ["URN-9"], ["Auditor"]);

        Refused(409, Onboarding.Decide(new OnboardTenant(hijack, Admin, Now), Given(), Configured));
    }

    [Fact]
    public void Given_an_onboarded_tenant_When_offboarded_Then_it_is_gone_and_an_unknown_one_is_not_found()
    {
        var state = Given(new TenantEvent.Onboarded(School, Admin, Now));

        var offboarded = Only<TenantEvent.Offboarded>(Offboarding.Decide(new OffboardTenant("tid-school", "Left the partnership", Admin, Now), state));

        Assert.Null(Given(new TenantEvent.Onboarded(School, Admin, Now), offboarded).Find("tid-school"));
        Refused(404, Offboarding.Decide(new OffboardTenant("tid-never", "No", Admin, Now), state));
    }

    [Theory]
    [InlineData("PlatformAdministrator", "URN-1", "roles")]
    [InlineData("Superuser", "URN-1", "roles")]
    [InlineData("YoungCarer", "URN-1", "roles")]
    [InlineData("Practitioner", "", "roles")]
    public void Given_a_mapping_the_registry_may_not_grant_When_validated_Then_400_naming_the_field(string role, string org, string field)
    {
        var body = new TenantRequest("Some tenant", org.Length == 0 ? [] : [org], [role]);

        var refused = Refused(400, Invalid("tid-x", body));

        Assert.Contains(field, refused.Errors!.Keys);
    }

    [Fact]
    public void Given_a_consumer_tenant_of_young_carers_When_validated_Then_it_is_accepted_with_no_organisation()
    {
        var errors = new FieldErrors();

        var tenant = Onboarding.Validate(errors, "tid-young", new TenantRequest("Young carers", [], ["YoungCarer"]))!;

        Assert.False(errors.Any);

        Assert.Empty(tenant.OrgIds);
        Assert.Equal(["YoungCarer"], tenant.Roles);
    }

    [Fact]
    public void Given_bad_ids_and_no_name_When_validated_Then_every_field_is_named()
    {
        var refused = Refused(400, Invalid("tid with spaces", new TenantRequest(" ", ["URN 1", "URN 1"], [])));

        Assert.Contains("tenantId", refused.Errors!.Keys);
        Assert.Contains("name", refused.Errors!.Keys);
        Assert.Contains("orgIds[0]", refused.Errors!.Keys);
        Assert.Contains("roles", refused.Errors!.Keys);
    }

    /// <summary>The platform's one rule for an event this code does not know (issue 24): nothing changes but the version, which stays the stream's.</summary>
    [Fact]
    public void Given_a_registry_When_an_unknown_event_applies_Then_only_the_version_moves()
    {
        var state = Given(new TenantEvent.Onboarded(School, Admin, Now));

        var after = TenantRegistryEvolution.Evolve(state, new UnknownEvent("from a newer writer"));

        Assert.Equal(state with { Version = 2 }, after);
        Assert.Equal(state.Tenants, after.Tenants);
    }

    private sealed record UnknownEvent(string Note);
}
