namespace ConsentPlatform.Consent.Explaining;

/// <summary>The purpose's lawful basis, as the agreement records it, and in plain words.</summary>
public sealed record ExplainedLawfulBasis(Article6Basis Article6, Article9Condition? Article9, string Description);
