namespace ConsentPlatform.Consent.Withdrawing;

public sealed record WithdrawConsentRequest(string? Reason);

/// <summary>End a consent for good; a new one for the purpose can then be granted.</summary>
public sealed record WithdrawConsent(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static Decision Decide(WithdrawConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (ConsentRefusals.Ended(state, command.Now, "withdrawn") is { } ended) return ended;
        return [new ConsentEvent.Withdrawn(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)];
    }
}

public static class WithdrawConsentEndpoint
{
    public static RouteGroupBuilder MapWithdrawConsent(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/withdraw", HandleAsync, "WithdrawConsent", ConsentPolicies.Act);

    public static Task<ConsentChangeOutcome> HandleAsync([AsParameters] ConsentChangeRequest change, WithdrawConsentRequest? request) =>
        ConsentChanges.AnswerAsync(change, request?.Reason, ConsentAccess.IsPractitioner, (actor, reason, now, state) => WithdrawConsent.Decide(new(change.Id, actor, reason, now), state));
}
