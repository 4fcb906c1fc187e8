namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>One agreement that covers a consent's purpose: which DSA, at which version, its title, and when it ends (exclusive).</summary>
public sealed record PurposeAgreement(Guid DsaId, long Version, string Title, DateTimeOffset EffectiveTo);
