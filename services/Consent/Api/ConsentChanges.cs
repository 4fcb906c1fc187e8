using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;
using Npgsql;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// The one way an existing consent changes: load it for writing, hide it from a caller who may not
/// see it, honour <c>If-Match</c>, decide, append, and save with Marten's optimistic check so that
/// a concurrent change is refused rather than overwritten, and the one-live index's refusal is a 409.
/// </summary>
public static class ConsentChanges
{
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
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visibility);
        ArgumentNullException.ThrowIfNull(decide);
        var stream = await session.Events.FetchForWriting<ConsentState>(consentId, cancellationToken);
        var consent = stream.Aggregate ?? throw ConsentAccess.NotFound(consentId);
        await visibility.EnsureVisibleAsync(caller, consent, cancellationToken);
        if (expectedVersion is { } expected && expected != consent.Version)
        {
            throw Stale(consent.Version, expected);
        }

        var events = decide(consent);
        stream.AppendMany(events);
        // Whatever else must change in the same transaction (an acceptance records a lapsed live consent's expiry).
        if (alongside is not null) await alongside(ConsentEvolution.Fold(events, consent)!, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // Only an acceptance makes a consent live: another live one for its subject and purpose committed first.
            throw new ConflictException("A live consent for this subject and purpose was recorded while this request was handled: stop it before accepting another.");
        }
        catch (ConcurrencyException)
        {
            throw expectedVersion is not null
                ? new PreconditionFailedException($"The consent changed while this request was handled; it is no longer at version {expectedVersion}.")
                : new ConflictException("The consent changed while this request was handled; read it again and retry.");
        }

        return ConsentEvolution.Fold(events, consent)!;
    }

    public static PreconditionFailedException Stale(long current, long expected) =>
        new($"The consent is at version {current}, not {expected}: read it again before changing it.");

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
