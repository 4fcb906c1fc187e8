namespace ConsentPlatform.Disclosure.Keys;

/// <summary>What one <c>keys rewrap</c> did.</summary>
public sealed record RewrapResult(string CurrentKeyId, int Rewrapped, int Migrated, int AlreadyCurrent, int PurgedMeanwhile, int Left);

/// <summary>
/// Moves every stored data key to the ring's current KEK (the payloads are not touched) and
/// seals every package of before envelopes under a data key of its own. One package per
/// transaction, by update only: a package purged while this runs is never written back, so its
/// data key cannot reappear. Safe to run beside the live service and to run again.
/// </summary>
public static class KeyRewrap
{
    public static async Task<RewrapResult> RunAsync(IDocumentStore store, KeyRing ring, TimeProvider clock, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var current = ring.CurrentId;
        List<Guid> stale, legacy;
        int alreadyCurrent;
        await using (var query = store.QuerySession())
        {
            stale = [.. await query.Query<PackageDataKey>().Where(k => k.KekId != current).Select(k => k.Id).ToListAsync(cancellationToken)];
            alreadyCurrent = await query.Query<PackageDataKey>().CountAsync(k => k.KekId == current, cancellationToken);
            legacy = [.. await query.Query<SealedPackage>().Where(p => p.KeyId != SealedPackage.DataKeyMarker).Select(p => p.Id).ToListAsync(cancellationToken)];
        }

        await progress.WriteLineAsync($"current key {current}: {stale.Count} data key(s) to rewrap, {legacy.Count} legacy package(s) to migrate, {alreadyCurrent} already current");
        int rewrapped = 0, migrated = 0, gone = 0, done = 0;
        foreach (var id in stale)
        {
            await using var session = store.LightweightSession();
            var dataKey = await session.LoadAsync<PackageDataKey>(id, cancellationToken);
            if (dataKey is null || dataKey.KekId == current) gone += dataKey is null ? 1 : 0;
            else if (await TrySaveAsync(session, s => s.Update(Envelope.Rewrap(ring, dataKey, clock.GetUtcNow())), cancellationToken)) rewrapped++;
            else gone++;
            await ReportAsync(progress, ++done, stale.Count + legacy.Count);
        }

        foreach (var id in legacy)
        {
            await using var session = store.LightweightSession();
            var package = await session.LoadAsync<SealedPackage>(id, cancellationToken);
            if (package is null || !package.IsLegacy) gone += package is null ? 1 : 0;
            else
            {
                var (sealedAgain, dataKey) = Envelope.Migrate(ring, package, clock.GetUtcNow());
                if (await TrySaveAsync(session, s => { s.Update(sealedAgain); s.Store(dataKey); }, cancellationToken)) migrated++;
                else gone++;
            }

            await ReportAsync(progress, ++done, stale.Count + legacy.Count);
        }

        int left;
        await using (var query = store.QuerySession())
        {
            left = await query.Query<PackageDataKey>().CountAsync(k => k.KekId != current, cancellationToken)
                   + await query.Query<SealedPackage>().CountAsync(p => p.KeyId != SealedPackage.DataKeyMarker, cancellationToken);
        }

        return new RewrapResult(current, rewrapped, migrated, alreadyCurrent, gone, left);
    }

    private static async Task<bool> TrySaveAsync(IDocumentSession session, Action<IDocumentSession> change, CancellationToken cancellationToken)
    {
        change(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NonExistentDocumentException || e.InnerException is NonExistentDocumentException)
        {
            // Purged since it was listed: nothing to write back.
            return false;
        }
    }

    private static async Task ReportAsync(TextWriter progress, int done, int total)
    {
        if (done % 100 == 0 || done == total) await progress.WriteLineAsync($"  {done}/{total}");
    }
}
