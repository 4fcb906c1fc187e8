namespace ConsentPlatform.Disclosure.ConsentChanges;

/// <summary>
/// A change of mind travels (issue 20): what a pause, withdrawal or expiry of consent
/// <see cref="ConsentId"/> does to one disclosure, decided on the disclosure's own state.
/// <list type="bullet">
/// <item>Approved under that consent, not yet released: <c>DisclosureBlocked</c> (any of the three changes), final.</item>
/// <item>Released under it and never read, the consent withdrawn: <c>PackageDestroyed</c> (the caller deletes payload and data key).</item>
/// <item>Released under it and read, the consent withdrawn: <c>DeletionRequested</c> of the recipient, answerable until <see cref="DeletionAnswerWithin"/> from now.</item>
/// <item>Anything else (another consent, a safeguarding share, a pause of a released share, which every read re-checks): nothing.</item>
/// </list>
/// Deciding on the state makes it idempotent: a redelivered consent event finds nothing left to do.
/// </summary>
public sealed record ApplyConsentChange(Guid ConsentId, ConsentStatus Change, EventActor Actor, DateTimeOffset Now, TimeSpan DeletionAnswerWithin)
{
    public static Decision Decide(ApplyConsentChange command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (command.Change is not (ConsentStatus.Paused or ConsentStatus.Withdrawn or ConsentStatus.Expired)) return [];
        if (state.Request.Basis != ShareBasis.Consent || state.Decision?.ConsentId != command.ConsentId) return [];

        return state.Status switch
        {
            DisclosureStatus.Approved =>
                [new Domain.DisclosureEvent.Blocked(state.Id, state.Request, command.ConsentId, command.Change, command.Actor, command.Now)],
            DisclosureStatus.Released when command.Change == ConsentStatus.Withdrawn && state.Reads == 0 =>
                [new Domain.DisclosureEvent.PackageDestroyed(state.Id, state.Request, command.ConsentId, command.Actor, command.Now)],
            DisclosureStatus.Released when command.Change == ConsentStatus.Withdrawn && state.Deletion is null =>
                [new Domain.DisclosureEvent.DeletionRequested(state.Id, state.Request, command.ConsentId, command.Now + command.DeletionAnswerWithin, command.Actor, command.Now)],
            _ => [],
        };
    }
}
