namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// Why a share may happen: the young carer's <c>consent</c>, or a <c>safeguarding</c> override
/// approved by a safeguarding lead other than the requester. Never reorder or rename.
/// </summary>
public enum ShareBasis
{
    Consent,
    Safeguarding,
}
