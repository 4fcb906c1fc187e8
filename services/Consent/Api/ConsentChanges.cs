using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Persistence;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;
using Npgsql;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// A consent's stream for <see cref="StreamChanges"/>: the one way an existing consent changes,
/// hidden from a caller who may not see it, and the one-live index's refusal a 409.
/// </summary>
public static class ConsentChanges
{
    public static readonly StreamKind<ConsentState> Kind = new(_ => "The consent", ConsentEvolution.Evolve, c => c.Version)
    {
        NotFound = ConsentAccess.NotFound,
        SaveRefusal = e => IsUniqueViolation(e)
            // Only an acceptance makes a consent live: another live one for its subject and purpose committed first.
            ? new ConflictException("A live consent for this subject and purpose was recorded while this request was handled: stop it before accepting another.")
            : null,
    };

    /// <param name="alongside">Whatever else must change in the same transaction (an acceptance records a lapsed live consent's expiry).</param>
    public static async Task<ConsentState> ApplyAsync(
        IDocumentSession session,
        Guid consentId,
        long? expectedVersion,
        Caller caller,
        ConsentVisibility visibility,
        Func<ConsentState, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken,
        Func<ConsentState, CancellationToken, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var change = await DecideAsync(session, consentId, expectedVersion, caller, visibility, state => Decision.Of(decide(state)), cancellationToken, alongside);
        return change.Refusal is { } refusal ? throw refusal.ToException() : change.State;
    }

    /// <summary>
    /// <see cref="ApplyAsync"/> for a slice whose decision refuses by value: the refusal comes back,
    /// and nothing was written. The visibility guard's 404 is a refusal too.
    /// </summary>
    public static Task<StreamChange<ConsentState>> DecideAsync(
        IDocumentSession session,
        Guid consentId,
        long? expectedVersion,
        Caller caller,
        ConsentVisibility visibility,
        Func<ConsentState, Decision> decide,
        CancellationToken cancellationToken,
        Func<ConsentState, CancellationToken, Task>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return StreamChanges.DecideAsync(
            session, Kind, consentId, expectedVersion, decide, cancellationToken,
            guard: (consent, ct) => visibility.RefusalUnlessVisibleAsync(caller, consent, ct),
            alongside: alongside);
    }

    /// <summary>PostgreSQL refused a row that a unique index forbids (here: a second live consent).</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or DocumentAlreadyExistsException) return true;
        }

        return false;
    }
}
