namespace ConsentPlatform.Disclosure.Packages;

/// <summary>The requester reads the released package; every read is checked again live and recorded.</summary>
public sealed record ReadPackage(Guid DisclosureId, EventActor Actor, DateTimeOffset Now)
{
    /// <summary>Not released (409). A purged or destroyed package, or one past its window, is handled by the caller (410).</summary>
    public static Refusal? Unreadable(DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status is DisclosureStatus.Released or DisclosureStatus.Purged or DisclosureStatus.Destroyed
            ? null
            : Refusal.Conflict($"Nothing has been released for this disclosure; it is {ApproveOverride.Wire(state.Status)}.");
    }

    public static Decision Decide(ReadPackage command, DisclosureState state, LiveAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unreadable(state) is { } refusal) return refusal;
        var judgement = Judgement.Of(state.Request, answers, state.Approval, command.Now);
        return judgement.Approved
            ? [new Domain.DisclosureEvent.PackageRead(state.Id, state.Request, state.ReleasedCategories, judgement.Decision, command.Actor, command.Now)]
            : [new Domain.DisclosureEvent.PackageReadRefused(state.Id, state.Request, judgement, command.Actor, command.Now)];
    }
}
