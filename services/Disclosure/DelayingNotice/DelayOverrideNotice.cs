namespace ConsentPlatform.Disclosure.DelayingNotice;

/// <summary>
/// <c>POST /api/disclosures/{id}/notice-delay</c> (issue 20): telling the young person about a
/// safeguarding override can itself put them at risk (a parent may see their phone), so a
/// safeguarding lead of either party may delay what they see of it, with a reason, until a moment at
/// most <c>Disclosure:MaxNoticeDelay</c> (default 28 days) from now. One delay per override; it ends by itself.
/// </summary>
public sealed record DelayOverrideNotice(Guid DisclosureId, DateTimeOffset Until, string Reason, EventActor Actor, DateTimeOffset Now, TimeSpan MaxDelay)
{
    public static Decision Decide(DelayOverrideNotice command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (command.Until <= command.Now || command.Until > command.Now + command.MaxDelay)
        {
            return Refusal.Invalid("until", $"The delay must end after now and at most {command.MaxDelay.TotalDays:0.##} days from now.");
        }

        if (state.Approval is null)
        {
            return Refusal.Conflict("Only what the young person sees of an approved safeguarding override can be delayed; this disclosure has none.");
        }

        if (state.NoticeDelay is not null)
        {
            return Refusal.Conflict("A delay was set for this override already; it ends by itself and cannot be extended.");
        }

        return [new Domain.DisclosureEvent.OverrideNoticeDelayed(state.Id, state.Request, command.Until, command.Reason, command.Actor, command.Now)];
    }
}

/// <summary>The job's rule: a delay whose end has come is recorded as ended, once.</summary>
public static class EndNoticeDelay
{
    public static Decision Decide(DisclosureState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.NoticeDelay is { EndedAt: null } delay && delay.Until <= now
            ? [new Domain.DisclosureEvent.OverrideNoticeDelayEnded(state.Id, state.Request, DisclosureActors.NoticeDelayJob, now)]
            : [];
    }
}
