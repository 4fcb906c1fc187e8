namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// A released payload at rest: AES-GCM ciphertext, nonce and tag, keyed by the disclosure id
/// (which is also the associated data: a ciphertext moved to another disclosure does not
/// decrypt). The key is never in the database; <see cref="KeyId"/> only names which key sealed it.
/// Deleted when the package is purged.
/// </summary>
public sealed record SealedPackage(Guid Id, string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag, DateTimeOffset SealedAt);
