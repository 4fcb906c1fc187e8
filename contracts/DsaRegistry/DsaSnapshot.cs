namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// A DSA as it stood at one version: what <see cref="DsaScope"/> judges. The registry builds it
/// from its read model; the audit service can build it from the ledgered events.
/// </summary>
public sealed record DsaSnapshot(Guid DsaId, long Version, DsaStatus Status, DsaContent Content);
