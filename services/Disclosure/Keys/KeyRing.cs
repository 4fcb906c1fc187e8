namespace ConsentPlatform.Disclosure.Keys;

/// <summary>One key-encryption key (KEK): 32 bytes that wrap data keys, never a payload.</summary>
public sealed record KeyEncryptionKey(string Id, byte[] Key, DateTimeOffset CreatedAt)
{
    public const int Size = 32;
}

/// <summary>
/// The key-encryption keys the service holds, by id, and which one wraps new data keys. Older
/// keys stay so that data keys wrapped under them still open until <c>keys rewrap</c> has moved
/// them to the current one. Immutable: a rotation yields a new ring.
/// </summary>
public sealed class KeyRing
{
    /// <summary>The id under which the pre-envelope static payload key is held (read only, never current).</summary>
    public const string LegacyId = "legacy";

    private readonly Dictionary<string, KeyEncryptionKey> byId;

    public KeyRing(IEnumerable<KeyEncryptionKey> keys, string currentId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        byId = new Dictionary<string, KeyEncryptionKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Key.Length != KeyEncryptionKey.Size) throw new InvalidOperationException($"Key-encryption key {key.Id} is not {KeyEncryptionKey.Size} bytes.");
            if (!byId.TryAdd(key.Id, key)) throw new InvalidOperationException($"Key-encryption key id {key.Id} appears twice.");
        }

        if (string.Equals(currentId, LegacyId, StringComparison.Ordinal)) throw new InvalidOperationException("The legacy payload key is never the current key-encryption key.");
        if (!byId.ContainsKey(currentId)) throw new InvalidOperationException($"The current key-encryption key {currentId} is not in the key ring.");
        CurrentId = currentId;
    }

    public string CurrentId { get; }

    public KeyEncryptionKey Current => byId[CurrentId];

    public IReadOnlyCollection<KeyEncryptionKey> Keys => byId.Values;

    public bool Contains(string id) => byId.ContainsKey(id);

    public KeyEncryptionKey? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>This ring with the old static payload key added under <see cref="LegacyId"/>, to read packages sealed before envelopes.</summary>
    public KeyRing WithLegacy(byte[]? legacyKey) => legacyKey is null
        ? this
        : new KeyRing([.. byId.Values.Where(k => k.Id != LegacyId), new KeyEncryptionKey(LegacyId, legacyKey, DateTimeOffset.MinValue)], CurrentId);
}

/// <summary>
/// Where the key-encryption keys live. The ring is read whole and wrapping happens in process;
/// a provider only keeps the key material: <see cref="LocalKeyRingFile"/> (local mode, tests) or
/// <see cref="AzureKeyVaultKeyRing"/> (production).
/// </summary>
public interface IKeyRingProvider
{
    /// <summary>Where the keys are, for messages (never key material).</summary>
    string Description { get; }

    Task<KeyRing> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Adds a fresh random key and makes it current; returns its id. Older keys stay.</summary>
    Task<string> RotateAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
