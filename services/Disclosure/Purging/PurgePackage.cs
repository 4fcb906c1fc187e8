namespace ConsentPlatform.Disclosure.Purging;

/// <summary>Deletes a released payload once the purpose's retention window (from approval) has ended.</summary>
public sealed record PurgePackage(Guid DisclosureId, EventActor Actor, DateTimeOffset Now)
{
    /// <summary><see cref="Domain.DisclosureEvent.PackagePurged"/> when the window has ended, otherwise nothing.</summary>
    public static Decision Decide(PurgePackage command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return state.IsPastRetention(command.Now)
            ? [new Domain.DisclosureEvent.PackagePurged(state.Id, state.Request, state.RetentionDays ?? 0, command.Actor, command.Now)]
            : [];
    }
}
