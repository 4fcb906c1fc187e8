using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Persistence;
using ConsentPlatform.Hosting.Problems;
using Marten;

namespace ConsentPlatform.DsaRegistry.Api;

/// <summary>
/// A DSA's stream for <see cref="StreamChanges"/>: the one way a change reaches it, after the
/// check of who may govern it.
/// </summary>
public static class AgreementStore
{
    public static readonly StreamKind<Agreement> Kind = new(id => $"DSA {id}", AgreementEvolution.Evolve, a => a.Version)
    {
        NotFound = id => new NotFoundException($"DSA {id} does not exist."),
    };

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
    public static Task<Agreement> ChangeManyAsync(
        IDocumentSession session,
        Guid id,
        string? ifMatch,
        EventActor actor,
        Func<Agreement, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken) =>
        StreamChanges.ChangeAsync(
            session, Kind, id, IfMatch.ExpectedVersion(ifMatch, "DSA"), decide, cancellationToken,
            guard: (state, _) =>
            {
                Governance.EnsureMayGovern(actor, state.Content);
                return Task.CompletedTask;
            });
}
