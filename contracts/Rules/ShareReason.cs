namespace ConsentPlatform.Contracts.Rules;

/// <summary>One failing rule of a decision: its stable <paramref name="Code"/> and a plain-English <paramref name="Message"/>.</summary>
public sealed record ShareReason(ReasonCode Code, string Message);
