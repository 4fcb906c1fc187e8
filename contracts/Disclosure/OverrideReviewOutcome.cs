namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>A Caldicott guardian's finding on a safeguarding override, after the fact (issue 20). Never reorder or rename.</summary>
public enum OverrideReviewOutcome
{
    /// <summary>The override was justified.</summary>
    Upheld,

    /// <summary>It should not have happened: a finding for the organisation to act on.</summary>
    NotUpheld,
}
