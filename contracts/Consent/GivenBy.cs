namespace ConsentPlatform.Contracts.Consent;

/// <summary>Who gave a consent: the young carer themself, or a parent or guardian on their behalf.</summary>
public enum GivenBy
{
    Self,
    Parent,
    Guardian,
}
