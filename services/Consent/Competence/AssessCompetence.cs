namespace ConsentPlatform.Consent.Competence;

/// <summary>Record a competence assessment (issue 20); the terms are validated at the edge.</summary>
public sealed record AssessCompetence(Guid AssessmentId, string SubjectId, string? Purpose, CompetenceOutcome Outcome, CompetenceBasis Basis, string? Note, EventActor Actor, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(AssessCompetence command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return [new CompetenceEvent.Assessed(command.AssessmentId, command.SubjectId, command.Purpose, command.Outcome, command.Basis, command.Note, command.Actor, command.Now)];
    }
}
