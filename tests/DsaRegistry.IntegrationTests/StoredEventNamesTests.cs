using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;
using Agreements = ConsentPlatform.DsaRegistry.Agreements;
using Tenants = ConsentPlatform.DsaRegistry.Tenants;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// The names PostgreSQL keeps for the registry's internal events (<c>mt_events.type</c>) are the
/// ones they were first stored under, whatever the .NET types are called: a rename of a type must
/// not strand the events already stored (issue 24: internal events are named apart from the
/// published contracts, and mapped to their stored names explicitly).
/// </summary>
public sealed class StoredEventNamesTests(RegistryFixture fixture)
{
    private static readonly EventActor Officer = new("officer-names", "IgOfficer", "LA-names");
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private IDocumentStore Store => fixture.Host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Each_internal_event_is_stored_under_its_name_of_before_and_read_back_as_its_type()
    {
        var dsa = Guid.CreateVersion7();
        var tenants = Guid.CreateVersion7();
        var content = new DsaContent("Stored names", [new DsaParty("LA-names", "Council", DsaPartyRole.Both)], [], At, At.AddYears(1), 30);
        var tenant = new TenantOnboarding("tid-stored-names", "Stored names", ["LA-names"], ["IgOfficer"]);
        (object Event, string StoredAs)[] dsaEvents =
        [
            (new Agreements.AgreementEvent.Drafted(dsa, content, Officer, At), "dsa_drafted"),
            (new Agreements.AgreementEvent.Signed(dsa, 1, "LA-names", Officer, At), "dsa_signed"),
            (new Agreements.AgreementEvent.Activated(dsa, Officer, At), "dsa_activated"),
            (new Agreements.AgreementEvent.Suspended(dsa, "Why", Officer, At), "dsa_suspended"),
            (new Agreements.AgreementEvent.Amended(dsa, content, Officer, At), "dsa_amended"),
            (new Agreements.AgreementEvent.Reinstated(dsa, Officer, At), "dsa_reinstated"),
            (new Agreements.AgreementEvent.Terminated(dsa, "Why", Officer, At), "dsa_terminated"),
        ];
        (object Event, string StoredAs)[] tenantEvents =
        [
            (new Tenants.TenantEvent.Onboarded(tenant, Officer, At), "tenant_onboarded"),
            (new Tenants.TenantEvent.MappingChanged(tenant, Officer, At), "tenant_mapping_changed"),
            (new Tenants.TenantEvent.Offboarded(tenant.TenantId, "Why", Officer, At), "tenant_offboarded"),
        ];
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(dsa, [.. dsaEvents.Select(e => e.Event)]);
            session.Events.StartStream(tenants, [.. tenantEvents.Select(e => e.Event)]);
            await session.SaveChangesAsync(Cancel);
        }

        await using var query = Store.QuerySession();
        foreach (var (stream, expected) in new[] { (dsa, dsaEvents), (tenants, tenantEvents) })
        {
            var stored = await query.Events.FetchStreamAsync(stream, token: Cancel);

            Assert.Equal(expected.Select(e => e.StoredAs), stored.Select(e => e.EventTypeName));
            Assert.Equal(expected.Select(e => e.Event.GetType()), stored.Select(e => e.Data.GetType()));
        }
    }
}
