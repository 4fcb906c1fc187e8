using Domain = ConsentPlatform.DsaRegistry.Agreements;
using Onboarding = ConsentPlatform.DsaRegistry.Tenants;
using Published = ConsentPlatform.Contracts.DsaRegistry;

namespace ConsentPlatform.DsaRegistry.Publishing;

/// <summary>
/// The edge between the registry's Marten events and the published contracts: each published
/// event carries the Marten event id (consumers de-duplicate on it) and the DSA's version after it.
/// </summary>
public sealed class DsaEventContracts : IEventContracts
{
    public object? ToContract(IEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.Data switch
        {
            Domain.AgreementEvent.Drafted e => new Published.DsaDrafted(@event.Id, e.DsaId, @event.Version, e.Content, e.DraftedBy, e.DraftedAt),
            Domain.AgreementEvent.Amended e => new Published.DsaAmended(@event.Id, e.DsaId, @event.Version, e.Content, e.AmendedBy, e.AmendedAt),
            Domain.AgreementEvent.Activated e => new Published.DsaActivated(@event.Id, e.DsaId, @event.Version, e.ActivatedBy, e.ActivatedAt),
            Domain.AgreementEvent.Suspended e => new Published.DsaSuspended(@event.Id, e.DsaId, @event.Version, e.Reason, e.SuspendedBy, e.SuspendedAt),
            Domain.AgreementEvent.Reinstated e => new Published.DsaReinstated(@event.Id, e.DsaId, @event.Version, e.ReinstatedBy, e.ReinstatedAt),
            Domain.AgreementEvent.Terminated e => new Published.DsaTerminated(@event.Id, e.DsaId, @event.Version, e.Reason, e.TerminatedBy, e.TerminatedAt),
            Domain.AgreementEvent.Signed e => new Published.DsaSigned(@event.Id, e.DsaId, @event.Version, e.SignedVersion, e.OrgId, e.SignedBy.UserId, e.SignedBy, e.SignedAt),
            Onboarding.TenantEvent.Onboarded e => new Published.TenantOnboarded(@event.Id, @event.Version, e.Tenant, e.OnboardedBy, e.OnboardedAt),
            Onboarding.TenantEvent.MappingChanged e => new Published.TenantMappingChanged(@event.Id, @event.Version, e.Tenant, e.ChangedBy, e.ChangedAt),
            Onboarding.TenantEvent.Offboarded e => new Published.TenantOffboarded(@event.Id, @event.Version, e.TenantId, e.Reason, e.OffboardedBy, e.OffboardedAt),
            _ => null,
        };
    }
}
