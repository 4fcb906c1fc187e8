namespace ConsentPlatform.Consent.Resuming;

/// <summary>Let sharing under a paused consent start again. The young carer's own decision only.</summary>
public sealed record ResumeConsent(Guid ConsentId, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(ResumeConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (ConsentRefusals.Ended(state, command.Now, "resumed") is { } ended) return ended;
        if (state.Status != ConsentStatus.Paused) return Refusal.Conflict("Only a paused consent can be resumed; this one is active.");
        if (state.ConfirmBy is { } due && due <= command.Now)
        {
            // Issue 20: a parent's or guardian's consent paused because the young person did not confirm it.
            return Refusal.Conflict("A parent or guardian gave this consent and it was paused because you did not confirm it in time: confirm it first (POST /api/consents/{id}/confirm), then resume it.");
        }

        return [new ConsentEvent.Resumed(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Now)];
    }
}

public static class ResumeConsentEndpoint
{
    public static RouteGroupBuilder MapResumeConsent(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/resume", HandleAsync, "ResumeConsent", ConsentPolicies.Resume);

    public static Task<ConsentChangeOutcome> HandleAsync([AsParameters] ConsentChangeRequest change) =>
        ConsentChanges.AnswerAsync(change, new FieldErrors(), (actor, now, state) => ResumeConsent.Decide(new(change.Id, actor, now), state));
}
