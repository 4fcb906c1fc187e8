namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// The rulebook's answer: the <paramref name="Outcome"/>, every failing reason in
/// <see cref="ReasonCode"/> order (empty exactly when the outcome is not <c>Denied</c>), the consent
/// and DSA (with the versions) the decision was judged on, and the instant it was judged at.
/// </summary>
public readonly record struct ShareDecision(
    ShareOutcome Outcome,
    IReadOnlyList<ShareReason> Reasons,
    Guid? ConsentId,
    long? ConsentVersion,
    Guid? DsaId,
    long? DsaVersion,
    DateTimeOffset CheckedAt)
{
    public bool Has(ReasonCode code) => Reasons.Any(r => r.Code == code);
}
