namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Who gave a proxy consent (issue 20): a parent or guardian for a young person who could not yet
/// decide for themselves. <see cref="Relationship"/> says how they are related (for example
/// "mother" or "special guardian"); <see cref="Name"/> is optional.
/// </summary>
public sealed record ConsentProxy(string Relationship, string? Name = null);
