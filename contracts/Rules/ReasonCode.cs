namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// Every reason a share can be refused (the brief's rule 5), serialized in kebab case
/// (<c>consent-missing</c>). The order here is the stable order in which a decision lists them.
/// Never reorder or rename: decisions already ledgered name these codes.
/// </summary>
public enum ReasonCode
{
    NoActiveDsa,
    RequesterNotParty,
    HolderNotParty,
    PurposeNotInDsa,
    CategoryOutOfScope,
    ConsentMissing,
    ConsentPaused,
    ConsentWithdrawn,
    ConsentExpired,
    ConsentRecipientMismatch,
    ConsentCategoryMismatch,
    OverrideNotAllowed,
    JustificationRequired,
    CheckUnavailable,
}
