using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Disclosure.Packages;
using Marten;
using JasperFx.Events;

namespace ConsentPlatform.Disclosure.Purging;

/// <summary>Deletes the sealed payload and its data key and records <see cref="Domain.PackagePurged"/>, in one transaction.</summary>
public static class Purger
{
    /// <summary>Purges when the window has ended; returns whether it did.</summary>
    public static async Task<bool> PurgeIfDueAsync(IDocumentSession session, IEventStream<DisclosureState> stream, EventActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        var events = PurgePackage.Decide(new PurgePackage(stream.Id, actor, now), stream.Aggregate!);
        if (events.Count == 0) return false;
        // The data key goes with the ciphertext: it was the only copy, so the payload is shredded.
        session.Delete<SealedPackage>(stream.Id);
        session.Delete<PackageDataKey>(stream.Id);
        await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
        return true;
    }
}
