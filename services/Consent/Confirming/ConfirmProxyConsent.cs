namespace ConsentPlatform.Consent.Confirming;

/// <summary>
/// Issue 20: once a young person is assessed competent for a purpose, every live consent a parent or
/// guardian gave for them to it asks them to confirm it, by <c>Consent:ProxyConfirmationWithin</c>
/// (default 28 days) from the assessment. Pure: the caller finds the consents.
/// </summary>
public static class AskProxyConfirmation
{
    public static IReadOnlyList<object> Decide(ConsentState consent, CompetenceAssessment assessment, TimeSpan confirmWithin, EventActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(assessment);
        var asks = consent.IsLive
                   && consent.Terms.GivenBy != GivenBy.Self
                   && consent.ConfirmBy is null
                   && assessment.Outcome == CompetenceOutcome.Competent
                   && assessment.AppliesTo(consent.Terms.Purpose);
        return asks
            ? [new ConsentEvent.ProxyConfirmationAsked(consent.Id, consent.Version + 1, consent.Terms, consent.GrantedAt, consent.Status, assessment.Id, now + confirmWithin, actor, now)]
            : [];
    }
}

/// <summary><c>POST /api/consents/{id}/confirm</c>: the young person makes a consent a parent or guardian gave their own (a new version, <c>givenBy: self</c>).</summary>
public sealed record ConfirmProxyConsent(Guid ConsentId, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(ConfirmProxyConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (ConsentRefusals.Ended(state, command.Now, "confirmed") is { } ended) return ended;
        if (state.ConfirmBy is null) return Refusal.Conflict("Nothing asks you to confirm this consent: it is your own, or you have confirmed it already.");

        var own = state.Terms with { GivenBy = GivenBy.Self, Proxy = null };
        return [new Domain.ConsentEvent.ProxyConfirmed(state.Id, state.Version + 1, own, state.GrantedAt, state.Status, command.Actor, command.Now)];
    }
}

/// <summary>
/// The job's rule (issue 20): a proxy consent still unconfirmed when its time is up is paused, never
/// silently kept. Only an active one: a paused one is already not shared.
/// </summary>
public static class PauseUnconfirmed
{
    public const string Reason = "Not confirmed by the young person in time after they were assessed able to decide for themselves.";

    public static IReadOnlyList<object> Decide(ConsentState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        // StatusAt: active and not past its own expiry (an expired one is the expiry job's).
        return state.ConfirmBy is { } due && due <= now && state.StatusAt(now) == ConsentStatus.Active
            ? [new Domain.ConsentEvent.Paused(state.Id, state.Version + 1, state.Terms, state.GrantedAt, ConsentActors.ConfirmationJob, Reason, now)]
            : [];
    }
}

/// <summary><c>Consent:ProxyConfirmationWithin</c>: how long a young person has to confirm a proxy consent (default 28 days; 1 minute to 180 days).</summary>
public sealed class ProxyConfirmationOptions
{
    public const string Section = "Consent";

    public TimeSpan ProxyConfirmationWithin { get; set; } = TimeSpan.FromDays(28);

    public TimeSpan Validated() =>
        ProxyConfirmationWithin >= TimeSpan.FromMinutes(1) && ProxyConfirmationWithin <= TimeSpan.FromDays(180)
            ? ProxyConfirmationWithin
            : throw new InvalidOperationException($"Consent:ProxyConfirmationWithin must be between 1 minute and 180 days, not {ProxyConfirmationWithin}.");
}

public static class ConfirmProxyConsentEndpoint
{
    public static RouteGroupBuilder MapConfirmProxyConsent(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/{id:guid}/confirm", HandleAsync, "ConfirmProxyConsent", ConsentPolicies.Answer,
            summary: "The young person, assessed competent, makes a consent a parent or guardian gave for them their own (to stop it instead, withdraw it).");

    public static Task<ConsentChangeOutcome> HandleAsync([AsParameters] ConsentChangeRequest change) =>
        ConsentChanges.AnswerAsync(change, new FieldErrors(), (actor, now, state) => ConfirmProxyConsent.Decide(new(change.Id, actor, now), state));
}
