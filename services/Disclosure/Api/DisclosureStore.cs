using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;
using JasperFx.Events;

namespace ConsentPlatform.Disclosure.Api;

/// <summary>Loading a disclosure for a change and saving the change with Marten's optimistic check.</summary>
public static class DisclosureStore
{
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
