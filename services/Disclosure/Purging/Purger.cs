namespace ConsentPlatform.Disclosure.Purging;

/// <summary>Deletes the sealed payload and its data key and records <see cref="Domain.DisclosureEvent.PackagePurged"/>, in one transaction.</summary>
public static class Purger
{
    /// <summary>
    /// Purges when the window has ended; returns whether it did, or the refusal (409) of a change
    /// to the same disclosure committed at the same moment (a read that purged or read it).
    /// </summary>
    public static async Task<(bool Purged, Refusal? Refusal)> PurgeIfDueAsync(IDocumentSession session, IEventStream<DisclosureState> stream, EventActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        var events = PurgePackage.Decide(new PurgePackage(stream.Id, actor, now), stream.Aggregate!).Events;
        if (events.Count == 0) return (false, null);
        // The data key goes with the ciphertext: it was the only copy, so the payload is shredded.
        session.Delete<SealedPackage>(stream.Id);
        session.Delete<PackageDataKey>(stream.Id);
        var saved = await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
        return (saved.Refusal is null, saved.Refusal);
    }
}
