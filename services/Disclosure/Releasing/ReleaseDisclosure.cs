namespace ConsentPlatform.Disclosure.Releasing;

/// <summary>The holder releases data under the approved categories only, after a live re-check.</summary>
public sealed record ReleaseDisclosure(Guid DisclosureId, EventActor Actor, IReadOnlyList<string> Categories, DateTimeOffset Now)
{
    /// <summary>
    /// Refusals that need no live check: not approved (409), the retention window already over
    /// (409: data released now would be purged unread), a category outside the approval (422).
    /// </summary>
    public static Refusal? MayNotRelease(ReleaseDisclosure command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != DisclosureStatus.Approved)
        {
            return Refusal.Conflict($"Only an approved disclosure can be released; this one is {ApproveOverride.Wire(state.Status)}.");
        }

        if (state.AvailableUntil is { } until && until <= command.Now)
        {
            return Refusal.Conflict($"The access window of this disclosure ended at {until:u}: nothing can be released any more.");
        }

        var outside = command.Categories.Where(c => !state.Request.DataCategories.Contains(c, StringComparer.Ordinal)).ToList();
        if (outside.Count > 0)
        {
            return Refusal.Unprocessable($"Not approved for this disclosure: {string.Join(", ", outside)}. Nothing was stored.");
        }

        return command.Categories.Count == 0 ? Refusal.Unprocessable("The data holds no category. Nothing was stored.") : null;
    }

    /// <summary><see cref="DisclosureReleased"/> when the re-check approves, else <see cref="DisclosureReleaseRefused"/>.</summary>
    public static Decision Decide(ReleaseDisclosure command, DisclosureState state, LiveAnswers answers)
    {
        if (MayNotRelease(command, state) is { } refusal) return refusal;
        var judgement = Judgement.Of(state.Request, answers, state.Approval, command.Now);
        if (!judgement.Approved)
        {
            return [new Domain.DisclosureEvent.ReleaseRefused(state.Id, state.Request, judgement, command.Actor, command.Now)];
        }

        var until = state.AvailableUntil ?? command.Now;
        return [new Domain.DisclosureEvent.Released(state.Id, state.Request, [.. command.Categories.Order(StringComparer.Ordinal)], judgement.Decision, until, command.Actor, command.Now)];
    }
}
