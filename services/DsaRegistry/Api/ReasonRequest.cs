namespace ConsentPlatform.DsaRegistry.Api;

/// <summary>The body of <c>/suspend</c> and <c>/terminate</c>: why.</summary>
public sealed record ReasonRequest(string? Reason);
