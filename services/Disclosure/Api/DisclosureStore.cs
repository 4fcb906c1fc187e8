using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Hosting.Persistence;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;
using JasperFx.Events;

namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// A disclosure's stream for <see cref="StreamChanges"/>; and, for the changes with more than a pure
/// decision between load and save (a release asks other services, a package read decrypts), loading
/// it and saving the change with Marten's optimistic check.
/// </summary>
public static class DisclosureStore
{
    public static readonly StreamKind<DisclosureState> Kind = new(_ => "The disclosure", DisclosureEvolution.Evolve, d => d.Version)
    {
        NotFound = DisclosureAccess.NotFound,
    };

    /// <summary>A change that is one pure decision over the disclosure, after <paramref name="ensureMay"/> (who may make it).</summary>
    public static Task<DisclosureState> ChangeAsync(
        IDocumentSession session, Guid id, Action<DisclosureState> ensureMay, Func<DisclosureState, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ensureMay);
        return StreamChanges.ChangeAsync(session, Kind, id, expectedVersion: null, decide, cancellationToken, guard: (state, _) =>
        {
            ensureMay(state);
            return Task.CompletedTask;
        });
    }

    public static async Task<IEventStream<DisclosureState>> LoadAsync(IDocumentSession session, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stream = await session.Events.FetchForWriting<DisclosureState>(id, cancellationToken);
        if (stream.Aggregate is null) throw DisclosureAccess.NotFound(id);
        return stream;
    }

    /// <summary>Appends and commits; a concurrent change to the same disclosure is 409, never overwritten.</summary>
    public static async Task<DisclosureState> SaveAsync(IDocumentSession session, IEventStream<DisclosureState> stream, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException("The disclosure changed while this request was handled; read it again and retry.");
        }

        return DisclosureEvolution.Fold(events, stream.Aggregate)!;
    }
}
