namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>Keeps <see cref="Agreement"/> in the same transaction as its events (inline), by the pure <see cref="AgreementEvolution.Evolve"/>.</summary>
public sealed class AgreementProjection : SingleStreamProjection<Agreement, Guid>
{
    public override Agreement? Evolve(Agreement? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // The store also holds the tenant registry's stream (issue 18): only a drafting starts an
        // agreement; after it, every event of the stream counts (an unknown one moves the version only).
        if (snapshot is null && e.Data is not AgreementEvent.Drafted) return null;
        return AgreementEvolution.Evolve(snapshot, e.Data);
    }
}
