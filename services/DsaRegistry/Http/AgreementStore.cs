using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Http;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;

namespace ConsentPlatform.DsaRegistry.Http;

/// <summary>
/// The one way a change reaches the store: load the DSA for writing, check who may change it
/// and the caller's If-Match, let the pure decision produce the event, append it with
/// Marten's optimistic concurrency and return the new state.
/// </summary>
public static class AgreementStore
{
    public static Task<Agreement> ChangeAsync(
        IDocumentSession session,
        Guid id,
        string? ifMatch,
        EventActor actor,
        Func<Agreement, object> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ChangeManyAsync(session, id, ifMatch, actor, s => [decide(s)], cancellationToken);
    }

    /// <summary>The same for a decision that records more than one event at once (a last signature and the activation it brings).</summary>
    public static async Task<Agreement> ChangeManyAsync(
        IDocumentSession session,
        Guid id,
        string? ifMatch,
        EventActor actor,
        Func<Agreement, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        var expected = IfMatch.ExpectedVersion(ifMatch, "DSA");
        var stream = await session.Events.FetchForWriting<Agreement>(id, cancellationToken);
        var state = stream.Aggregate ?? throw new NotFoundException($"DSA {id} does not exist.");

        // Who may touch it comes before whether their copy is current: a stranger learns nothing from a 412.
        Governance.EnsureMayGovern(actor, state.Content);
        if (expected is { } version && version != state.Version)
        {
            throw new PreconditionFailedException($"DSA {id} is at version {state.Version}, not {version}: read it again before changing it.");
        }

        var events = decide(state);
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw expected is null
                ? new ConflictException($"DSA {id} was changed by someone else at the same time: read it again and retry.")
                : new PreconditionFailedException($"DSA {id} was changed by someone else: read it again before changing it.");
        }

        return events.Aggregate(state, AgreementEvolution.Evolve);
    }
}
