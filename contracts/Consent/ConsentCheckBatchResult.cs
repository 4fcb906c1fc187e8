namespace ConsentPlatform.Contracts.Consent;

/// <summary>The answers to a <see cref="CheckConsentBatch"/>, one per check and in the checks' order.</summary>
public sealed record ConsentCheckBatchResult(IReadOnlyList<ConsentCheckResult> Results);
