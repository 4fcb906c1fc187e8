namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// A released payload at rest: AES-GCM ciphertext, nonce and tag, keyed by the disclosure id
/// (which is also the associated data: a ciphertext moved to another disclosure does not
/// decrypt). No key is ever in this document. <see cref="KeyId"/> is
/// <see cref="DataKeyMarker"/> for a package sealed under its own data key (the
/// <see cref="PackageDataKey"/> of the same id); a package sealed before envelopes holds the
/// fingerprint of the old static key instead. Deleted when the package is purged.
/// </summary>
public sealed record SealedPackage(Guid Id, string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag, DateTimeOffset SealedAt)
{
    public const string DataKeyMarker = "data-key";

    public bool IsLegacy => !string.Equals(KeyId, DataKeyMarker, StringComparison.Ordinal);
}
