namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Issue 20: a practitioner recorded whether a young person can decide for themselves about
/// sharing for <see cref="Purpose"/> (null: for every purpose). While a <c>competent</c> assessment
/// stands for a purpose, no parent or guardian may consent for them to it.
/// </summary>
public sealed record CompetenceAssessed(
    Guid EventId,
    Guid AssessmentId,
    string SubjectId,
    string? Purpose,
    CompetenceOutcome Outcome,
    CompetenceBasis Basis,
    string? Note,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
