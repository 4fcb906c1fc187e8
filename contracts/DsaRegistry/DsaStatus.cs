namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Where a DSA is in its life: draft → active ⇄ suspended → terminated (final).</summary>
public enum DsaStatus
{
    Draft,
    Active,
    Suspended,
    Terminated,
}
