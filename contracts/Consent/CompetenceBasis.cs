namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// What a competence assessment rests on (issue 20): Gillick competence (a child under 16 who
/// understands the decision), or being 16 or 17 (presumed able, Mental Capacity Act 2005 and the
/// Family Law Reform Act 1969 s.8). Never reorder or rename.
/// </summary>
public enum CompetenceBasis
{
    Gillick,
    SixteenOrOver,
}
