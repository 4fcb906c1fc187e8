using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;

using ConsentExpired = ConsentPlatform.Consent.Domain.ConsentExpired;

namespace ConsentPlatform.Consent.Expiring;

/// <summary>
/// Record that a live consent has passed its <c>expiresAt</c>. Idempotent: a consent not yet due,
/// or already ended, yields no event, so the expiry job can run as often as it likes.
/// </summary>
public sealed record ExpireConsent(Guid ConsentId, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(ExpireConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsLive || state.StatusAt(command.Now) != ConsentStatus.Expired)
        {
            return [];
        }

        // It expired at expiresAt, whenever the job happens to notice.
        return [new ConsentExpired(state.Id, state.Version + 1, state.Terms, state.GrantedAt, ConsentActors.ExpiryJob, state.Terms.ExpiresAt!.Value)];
    }
}
