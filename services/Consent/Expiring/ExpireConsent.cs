namespace ConsentPlatform.Consent.Expiring;

/// <summary>
/// Record that a live consent has passed its <c>expiresAt</c>, or that an open proposal has passed
/// its <c>answerBy</c> unanswered (final: a lapsed proposal can no longer be accepted). Idempotent:
/// a consent not yet due, or already ended, yields no event, so the expiry job can run as often as it likes.
/// </summary>
public sealed record ExpireConsent(Guid ConsentId, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(ExpireConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var open = state.IsLive || state.Status == ConsentStatus.Proposed;
        if (!open || state.StatusAt(command.Now) != ConsentStatus.Expired)
        {
            return [];
        }

        // It expired at expiresAt (a proposal at answerBy), whenever the job happens to notice.
        var expiredAt = state.Status == ConsentStatus.Proposed ? state.AnswerBy!.Value : state.Terms.ExpiresAt!.Value;
        return [new ConsentEvent.Expired(state.Id, state.Version + 1, state.Terms, state.GrantedAt, ConsentActors.ExpiryJob, expiredAt)];
    }
}
