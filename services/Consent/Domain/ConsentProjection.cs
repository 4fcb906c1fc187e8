namespace ConsentPlatform.Consent.Domain;

/// <summary>
/// Keeps <see cref="ConsentState"/> in the same transaction as the events (registered inline), so
/// a pause is visible to the very next live check.
/// </summary>
public sealed class ConsentProjection : SingleStreamProjection<ConsentState, Guid>
{
    public override ConsentState? Evolve(ConsentState? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return ConsentEvolution.Evolve(snapshot, e.Data);
    }
}
