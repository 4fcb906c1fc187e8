namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// A package's own data key, wrapped (AES-256-GCM) under the key-encryption key
/// <see cref="KekId"/>; the associated data is the disclosure id and the KEK id, so that a wrapped
/// key moved to another package, or relabelled, does not unwrap. Its own document, same id as
/// the <see cref="SealedPackage"/>: purging deletes both, and with this one the only copy of
/// the data key, so the ciphertext is unreadable with any key the platform holds.
/// </summary>
public sealed record PackageDataKey(Guid Id, string KekId, byte[] Nonce, byte[] WrappedKey, byte[] Tag, DateTimeOffset WrappedAt);
