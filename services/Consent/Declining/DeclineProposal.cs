namespace ConsentPlatform.Consent.Declining;

public sealed record DeclineProposalRequest(string? Reason);

/// <summary>The young person says no to a proposal. Final: a declined proposal is never a consent.</summary>
public sealed record DeclineProposal(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static Decision Decide(DeclineProposal command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return state.StatusAt(command.Now) switch
        {
            ConsentStatus.Proposed => [new ConsentEvent.Declined(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)],
            ConsentStatus.Declined => Refusal.Conflict("This proposal was already declined."),
            ConsentStatus.Expired when state.AcceptedAt is null && state.ProposedAt is not null =>
                Refusal.Conflict("This proposal was not answered in time and has lapsed: there is nothing left to decline."),
            _ => Refusal.Conflict("This consent is not an open proposal: there is nothing to decline. A consent is paused or withdrawn instead."),
        };
    }
}

public static class DeclineProposalEndpoint
{
    public static RouteGroupBuilder MapDeclineProposal(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/{id:guid}/decline", HandleAsync, "DeclineProposal", ConsentPolicies.Answer,
            summary: "Decline a proposed consent, for good (the young carer only)");

    public static Task<ConsentChangeOutcome> HandleAsync([AsParameters] ConsentChangeRequest change, DeclineProposalRequest? request) =>
        ConsentChanges.AnswerAsync(change, request?.Reason, reasonRequired: _ => false, (actor, reason, now, state) => DeclineProposal.Decide(new(change.Id, actor, reason, now), state));
}
