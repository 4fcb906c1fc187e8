namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>A purpose's lawful basis: always an article 6 basis, and an article 9 condition for special category data.</summary>
public sealed record LawfulBasis(Article6Basis Article6, Article9Condition? Article9);
