namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// Envelope encryption of released payloads, pure over a <see cref="KeyRing"/>: a fresh random
/// 256-bit data key per package seals the payload (AES-256-GCM, disclosure id as associated
/// data); the data key is wrapped under the ring's current key-encryption key (AES-256-GCM,
/// disclosure id and KEK id as associated data). Packages sealed before envelopes open with the
/// ring's <see cref="KeyRing.LegacyId"/> key and are moved to envelopes by <see cref="Migrate"/>.
/// </summary>
public static class Envelope
{
    private const int DataKeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static (SealedPackage Package, PackageDataKey DataKey) Seal(KeyRing ring, Guid disclosureId, string json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(json);
        var dataKey = RandomNumberGenerator.GetBytes(DataKeySize);
        var plaintext = Encoding.UTF8.GetBytes(json);
        try
        {
            var (nonce, ciphertext, tag) = Encrypt(dataKey, plaintext, disclosureId.ToByteArray());
            return (new SealedPackage(disclosureId, SealedPackage.DataKeyMarker, nonce, ciphertext, tag, now), Wrap(ring.Current, disclosureId, dataKey, now));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The payload; a <see cref="CryptographicException"/> when the data key is gone, its KEK is not in the ring, or anything was altered.</summary>
    public static string Open(KeyRing ring, SealedPackage package, PackageDataKey? dataKey)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(package);
        if (package.IsLegacy) return OpenLegacy(ring, package);
        if (dataKey is null || dataKey.Id != package.Id) throw new CryptographicException("The package's data key no longer exists.");

        var key = Unwrap(ring, dataKey);
        try
        {
            return Encoding.UTF8.GetString(Decrypt(key, package.Nonce, package.Ciphertext, package.Tag, package.Id.ToByteArray()));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The same data key wrapped under the ring's current KEK; the payload is not touched.</summary>
    public static PackageDataKey Rewrap(KeyRing ring, PackageDataKey dataKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(dataKey);
        var key = Unwrap(ring, dataKey);
        try
        {
            return Wrap(ring.Current, dataKey.Id, key, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>A package sealed under the old static key, sealed again under a data key of its own.</summary>
    public static (SealedPackage Package, PackageDataKey DataKey) Migrate(KeyRing ring, SealedPackage legacy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        var (package, dataKey) = Seal(ring, legacy.Id, OpenLegacy(ring, legacy), now);
        return (package with { SealedAt = legacy.SealedAt }, dataKey);
    }

    /// <summary>The fingerprint the pre-envelope protector stored as a package's key id.</summary>
    public static string LegacyFingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..12];

    private static string OpenLegacy(KeyRing ring, SealedPackage package)
    {
        var legacy = ring.Find(KeyRing.LegacyId);
        if (legacy is null || !string.Equals(LegacyFingerprint(legacy.Key), package.KeyId, StringComparison.Ordinal))
        {
            throw new CryptographicException("The package was sealed before envelopes with a static key this service does not hold.");
        }

        return Encoding.UTF8.GetString(Decrypt(legacy.Key, package.Nonce, package.Ciphertext, package.Tag, package.Id.ToByteArray()));
    }

    private static PackageDataKey Wrap(KeyEncryptionKey kek, Guid disclosureId, byte[] dataKey, DateTimeOffset now)
    {
        var (nonce, wrapped, tag) = Encrypt(kek.Key, dataKey, WrapContext(disclosureId, kek.Id));
        return new PackageDataKey(disclosureId, kek.Id, nonce, wrapped, tag, now);
    }

    private static byte[] Unwrap(KeyRing ring, PackageDataKey dataKey)
    {
        var kek = ring.Find(dataKey.KekId) ?? throw new CryptographicException($"The key-encryption key {dataKey.KekId} is not in the key ring.");
        return Decrypt(kek.Key, dataKey.Nonce, dataKey.WrappedKey, dataKey.Tag, WrapContext(dataKey.Id, kek.Id));
    }

    private static byte[] WrapContext(Guid disclosureId, string kekId) => [.. disclosureId.ToByteArray(), .. Encoding.UTF8.GetBytes(kekId)];

    private static (byte[] Nonce, byte[] Ciphertext, byte[] Tag) Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        return (nonce, ciphertext, tag);
    }

    private static byte[] Decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] associatedData)
    {
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
        return plaintext;
    }
}
