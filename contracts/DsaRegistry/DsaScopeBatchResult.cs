namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>The answers to a <see cref="CheckDsaScopeBatch"/>, one per check and in the checks' order.</summary>
public sealed record DsaScopeBatchResult(IReadOnlyList<DsaScopeResult> Results);
