namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// Seals and opens released payloads (<see cref="Envelope"/>) with the key ring of the configured
/// provider (<c>Disclosure:Keys:Provider</c>, ADR 0006). The ring is loaded at start, so that a
/// missing or malformed key stops the service then, and read again after
/// <c>Disclosure:Keys:RefreshInterval</c> (default 1 minute) or at once when a package names a key
/// id the ring does not hold: a <c>keys rotate</c> or <c>keys rewrap</c> run beside a live service
/// is picked up without a restart. No key reaches the database, a log or an event.
/// </summary>
public sealed class PayloadProtector
{
    private readonly IKeyRingProvider provider;
    private readonly byte[]? legacyKey;
    private readonly TimeProvider clock;
    private readonly TimeSpan refreshInterval;
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile Loaded loaded;

    private PayloadProtector(IKeyRingProvider provider, byte[]? legacyKey, TimeProvider clock, TimeSpan refreshInterval, KeyRing ring)
    {
        this.provider = provider;
        this.legacyKey = legacyKey;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        loaded = new Loaded(ring, clock.GetTimestamp());
    }

    public static async Task<PayloadProtector> CreateAsync(IKeyRingProvider provider, byte[]? legacyKey, TimeProvider clock, TimeSpan refreshInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(clock);
        var ring = (await provider.LoadAsync(cancellationToken)).WithLegacy(legacyKey);
        return new PayloadProtector(provider, legacyKey, clock, refreshInterval, ring);
    }

    public static PayloadProtector FromConfiguration(IConfiguration configuration, TimeProvider clock) =>
        CreateAsync(KeyRingSettings.Provider(configuration), KeyRingSettings.LegacyKey(configuration), clock, KeyRingSettings.RefreshInterval(configuration), CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>The id of the KEK new data keys are wrapped under, as last loaded.</summary>
    public string CurrentKeyId => loaded.Ring.CurrentId;

    public async Task<(SealedPackage Package, PackageDataKey DataKey)> SealAsync(Guid disclosureId, string json, DateTimeOffset now, CancellationToken cancellationToken) =>
        Envelope.Seal(await RingAsync(null, cancellationToken), disclosureId, json, now);

    public async Task<string> OpenAsync(SealedPackage package, PackageDataKey? dataKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Envelope.Open(await RingAsync(dataKey?.KekId, cancellationToken), package, dataKey);
    }

    /// <summary>Reads the ring again now, whatever its age.</summary>
    public async Task<KeyRing> ReloadAsync(CancellationToken cancellationToken)
    {
        await reloading.WaitAsync(cancellationToken);
        try
        {
            var ring = (await provider.LoadAsync(cancellationToken)).WithLegacy(legacyKey);
            loaded = new Loaded(ring, clock.GetTimestamp());
            return ring;
        }
        finally
        {
            reloading.Release();
        }
    }

    private async Task<KeyRing> RingAsync(string? neededKeyId, CancellationToken cancellationToken)
    {
        var current = loaded;
        var stale = clock.GetElapsedTime(current.At) >= refreshInterval;
        var missing = neededKeyId is not null && !current.Ring.Contains(neededKeyId);
        if (!stale && !missing) return current.Ring;
        try
        {
            return await ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (!missing && e is IOException or InvalidOperationException or CryptographicException or Azure.RequestFailedException)
        {
            // The provider is unreachable for a moment: keep sealing and opening with the ring we hold.
            return current.Ring;
        }
    }

    private sealed record Loaded(KeyRing Ring, long At);
}
