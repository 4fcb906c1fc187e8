namespace ConsentPlatform.Consent.Explaining;

/// <summary>The consent's purpose code and, in plain words, why the data is shared.</summary>
public sealed record ExplainedPurpose(string Code, string Description);
