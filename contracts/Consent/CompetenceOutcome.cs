namespace ConsentPlatform.Contracts.Consent;

/// <summary>The outcome of a competence assessment (issue 20). Never reorder or rename.</summary>
public enum CompetenceOutcome
{
    /// <summary>The young person understands the decision and may consent for themselves.</summary>
    Competent,

    /// <summary>Not yet: a parent or guardian may consent for them.</summary>
    NotYetCompetent,
}
