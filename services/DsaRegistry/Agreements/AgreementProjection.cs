using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>Keeps <see cref="Agreement"/> in the same transaction as its events (inline), by the pure <see cref="AgreementEvolution.Evolve"/>.</summary>
public sealed class AgreementProjection : SingleStreamProjection<Agreement, Guid>
{
    public override Agreement? Evolve(Agreement? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return AgreementEvolution.Evolve(snapshot, e.Data);
    }
}
