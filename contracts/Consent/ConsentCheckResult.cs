namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// The answer to <see cref="CheckConsent"/>: the consent that was judged (none when the subject has
/// none for the purpose), its version and its status at the instant asked, and every failing
/// reason of rule 3 in <see cref="ReasonCode"/> order. An empty <paramref name="Reasons"/> list means
/// the consent allows the share.
/// </summary>
public sealed record ConsentCheckResult(
    Guid? ConsentId,
    long? Version,
    ConsentStatus? Status,
    IReadOnlyList<ReasonCode> Reasons,
    DateTimeOffset At);
