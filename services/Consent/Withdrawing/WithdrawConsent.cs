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
    public static RouteGroupBuilder MapWithdrawConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/withdraw", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Act)
            .WithName("WithdrawConsent");
        return group;
    }

    public static Task<ConsentChangeOutcome> HandleAsync(
        [AsParameters] ConsentChangeRequest change,
        WithdrawConsentRequest? request)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new FieldErrors();
        var reason = ConsentRules.Reason(errors, request?.Reason, required: ConsentAccess.IsPractitioner(Caller.From(change.User)));
        return ConsentChanges.AnswerAsync(change, errors, (actor, now, state) => WithdrawConsent.Decide(new WithdrawConsent(change.Id, actor, reason, now), state));
    }
}
