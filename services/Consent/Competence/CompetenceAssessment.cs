namespace ConsentPlatform.Consent.Competence;

/// <summary>
/// The events of an assessment's stream, as stored in Marten: nested, so that they cannot be taken for
/// the published contracts (<see cref="Contracts.Consent.CompetenceAssessed"/>); the name each is
/// stored under is <see cref="Domain.StoredEventNames"/>'.
/// </summary>
public static class CompetenceEvent
{
    /// <summary>The one event of an assessment's stream (issue 20): a practitioner assessed whether the young person can decide for themselves.</summary>
    public sealed record Assessed(Guid AssessmentId, string SubjectId, string? Purpose, CompetenceOutcome Outcome, CompetenceBasis Basis, string? Note, EventActor AssessedBy, DateTimeOffset AssessedAt);
}

/// <summary>
/// A competence assessment as recorded (issue 20): for one purpose, or, with no
/// <see cref="Purpose"/>, for every purpose. Assessments are never changed; a later one for the
/// same purpose stands instead (<see cref="StandingCompetence"/>).
/// </summary>
public sealed record CompetenceAssessment(Guid Id, string SubjectId, string? Purpose, CompetenceOutcome Outcome, CompetenceBasis Basis, string? Note, EventActor AssessedBy, DateTimeOffset AssessedAt)
{
    public static CompetenceAssessment From(CompetenceEvent.Assessed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.AssessmentId, e.SubjectId, e.Purpose, e.Outcome, e.Basis, e.Note, e.AssessedBy, e.AssessedAt);
    }

    public bool AppliesTo(string purpose) => Purpose is null || string.Equals(Purpose, purpose, StringComparison.Ordinal);
}

/// <summary>Keeps <see cref="CompetenceAssessment"/> in the same transaction as its event (inline), so the very next proxy consent sees it.</summary>
public sealed class CompetenceProjection : SingleStreamProjection<CompetenceAssessment, Guid>
{
    public override CompetenceAssessment? Evolve(CompetenceAssessment? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Data is CompetenceEvent.Assessed assessed ? CompetenceAssessment.From(assessed) : snapshot;
    }
}

/// <summary>
/// Which assessment stands for a purpose: the latest (by when it was made) of those for that
/// purpose and those for every purpose. A young person's competence is judged decision by
/// decision, so a later assessment replaces an earlier one, whichever way it goes.
/// </summary>
public static class StandingCompetence
{
    public static CompetenceAssessment? For(IEnumerable<CompetenceAssessment> assessments, string purpose)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        return assessments.Where(a => a.AppliesTo(purpose)).OrderBy(a => a.AssessedAt).ThenBy(a => a.Id).LastOrDefault();
    }

    /// <summary>True while a <c>competent</c> assessment stands for the purpose: only the young person may consent to it.</summary>
    public static bool IsCompetent(IEnumerable<CompetenceAssessment> assessments, string purpose) =>
        For(assessments, purpose)?.Outcome == CompetenceOutcome.Competent;
}
