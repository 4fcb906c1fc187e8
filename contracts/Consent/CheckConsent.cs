namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// The live consent check (rule 3 of the rulebook), asked over RabbitMQ request/response and
/// answered with <see cref="ConsentCheckResult"/>: does <paramref name="SubjectId"/> have a consent for
/// <paramref name="Purpose"/> that lets <paramref name="RequesterOrgId"/> receive every one of
/// <paramref name="DataCategories"/> at the instant <paramref name="At"/>?
/// </summary>
public sealed record CheckConsent(
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    IReadOnlyList<string> DataCategories,
    DateTimeOffset At);
