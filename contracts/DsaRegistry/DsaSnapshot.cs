namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// A DSA as it stood at one version: what <see cref="DsaScope"/> judges. The registry builds it
/// from its read model; the audit service can build it from the ledgered events.
/// <see cref="Signatures"/> (issue 17): the parties' signatures of its current terms, in force at
/// that version (null where the builder does not say).
/// </summary>
public sealed record DsaSnapshot(Guid DsaId, long Version, DsaStatus Status, DsaContent Content, IReadOnlyList<DsaSignature>? Signatures = null);
