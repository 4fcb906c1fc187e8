namespace ConsentPlatform.Consent.Using;

/// <summary>How a consent was used: a share approved under it, or a read of the released package.</summary>
public enum ConsentUseKind
{
    ApprovedShare,
    PackageRead,
}
