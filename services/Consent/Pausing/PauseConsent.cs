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
    public static RouteGroupBuilder MapPauseConsent(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/pause", HandleAsync, "PauseConsent", ConsentPolicies.Act);

    public static Task<ConsentChangeOutcome> HandleAsync([AsParameters] ConsentChangeRequest change, PauseConsentRequest? request) =>
        ConsentChanges.AnswerAsync(change, request?.Reason, ConsentAccess.IsPractitioner, (actor, reason, now, state) => PauseConsent.Decide(new(change.Id, actor, reason, now), state));
}
