namespace ConsentPlatform.Disclosure.Domain;

/// <summary>Keeps <see cref="DisclosureState"/> in the same transaction as the events (registered inline).</summary>
public sealed class DisclosureProjection : SingleStreamProjection<DisclosureState, Guid>
{
    public override DisclosureState? Evolve(DisclosureState? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return DisclosureEvolution.Evolve(snapshot, e.Data);
    }
}
