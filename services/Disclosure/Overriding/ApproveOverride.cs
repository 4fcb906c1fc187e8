namespace ConsentPlatform.Disclosure.Overriding;

/// <summary>A safeguarding lead approves a safeguarding share; the rules are checked again live.</summary>
/// <remarks>
/// "Not the requester": the same user id, or (because a local dev token's subject includes its
/// role) the same organisation and display name. The second test may refuse a namesake; it never
/// lets the requester approve their own request.
/// </remarks>
public sealed record ApproveOverride(Guid DisclosureId, EventActor Actor, string? ActorName, string Rationale, DateTimeOffset Now)
{
    /// <summary>Refusals that need no live check: the requester themself (403), wrong status (409); else null.</summary>
    public static Refusal? MayNotApprove(ApproveOverride command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (IsRequester(command, state)) return Refusal.Forbidden("A safeguarding lead may not approve their own request.");
        return state.Status != DisclosureStatus.AwaitingOverrideApproval
            ? Refusal.Conflict($"The disclosure is {Wire(state.Status)}, not awaiting an override approval.")
            : null;
    }

    public static Decision Decide(ApproveOverride command, DisclosureState state, LiveAnswers answers)
    {
        if (MayNotApprove(command, state) is { } refusal) return refusal;
        var approval = new OverrideApproval(command.Actor.UserId, command.Actor.OrgId ?? string.Empty, command.Actor.Role, command.Now);
        var judgement = Judgement.Of(state.Request, answers, approval, command.Now);
        object decided = judgement.Approved
            ? new Domain.DisclosureEvent.Approved(state.Id, state.Request, judgement, approval, answers.Dsa?.RetentionDays, command.Actor, command.Now)
            : new Domain.DisclosureEvent.Denied(state.Id, state.Request, judgement, command.Actor, command.Now);
        return [new Domain.DisclosureEvent.SafeguardingOverrideApproved(state.Id, state.Request, approval, command.Rationale, command.Actor, command.Now), decided];
    }

    public static bool IsRequester(ApproveOverride command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return string.Equals(command.Actor.UserId, state.RequestedBy.UserId, StringComparison.Ordinal)
               || (!string.IsNullOrWhiteSpace(command.ActorName)
                   && string.Equals(command.Actor.OrgId, state.RequestedBy.OrgId, StringComparison.Ordinal)
                   && string.Equals(command.ActorName.Trim(), state.RequesterName?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    internal static string Wire(DisclosureStatus status) => status switch
    {
        DisclosureStatus.AwaitingOverrideApproval => "awaiting-override-approval",
        _ => status.ToString().ToLowerInvariant(),
    };
}
