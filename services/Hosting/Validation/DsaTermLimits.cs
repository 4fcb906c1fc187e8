namespace ConsentPlatform.Hosting.Validation;

/// <summary>
/// How long the parts of a DSA's terms may be: the DSA registry refuses terms outside them, and the
/// portal checks the same limits on its form before it sends (so the two cannot drift apart, which
/// is why they live here rather than in the registry).
/// </summary>
public static class DsaTermLimits
{
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 200;
    public const int MinDescriptionLength = 20;
    public const int MaxDescriptionLength = 1000;
    public const int MinJustificationLength = 20;
    public const int MaxJustificationLength = 1000;
    public const int MaxDpiaReferenceLength = 100;
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;
}
