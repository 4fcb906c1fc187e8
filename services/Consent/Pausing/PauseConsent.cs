namespace ConsentPlatform.Consent.Pausing;

public sealed record PauseConsentRequest(string? Reason);

/// <summary>Stop sharing under a consent until it is resumed.</summary>
public sealed record PauseConsent(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static Decision Decide(PauseConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (ConsentRefusals.Ended(state, command.Now, "paused") is { } ended) return ended;
        if (state.Status == ConsentStatus.Paused) return Refusal.Conflict("The consent is already paused.");
        return [new ConsentEvent.Paused(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)];
    }
}

public static class PauseConsentEndpoint
{
    public static RouteGroupBuilder MapPauseConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/pause", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Act)
            .WithName("PauseConsent");
        return group;
    }

    public static Task<ConsentChangeOutcome> HandleAsync(
        [AsParameters] ConsentChangeRequest change,
        PauseConsentRequest? request)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new FieldErrors();
        var reason = ConsentRules.Reason(errors, request?.Reason, required: ConsentAccess.IsPractitioner(Caller.From(change.User)));
        return ConsentChanges.AnswerAsync(change, errors, (actor, now, state) => PauseConsent.Decide(new PauseConsent(change.Id, actor, reason, now), state));
    }
}
