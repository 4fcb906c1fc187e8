namespace ConsentPlatform.Consent.Explaining;

/// <summary>A kind of information that may be shared, and what it means in plain words.</summary>
public sealed record ExplainedCategory(string Code, string Description);
