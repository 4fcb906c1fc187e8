namespace ConsentPlatform.Hosting.Validation;

/// <summary>
/// The brief's identifier and code patterns, one definition for every service. <c>\z</c>, not
/// <c>$</c>: in .NET <c>$</c> also matches before a final newline, so <c>"yc-1\n"</c> would pass.
/// </summary>
public static partial class Vocabulary
{
    /// <summary>A young carer's subject id: 1 to 64 letters, digits or hyphens.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex SubjectId();

    /// <summary>An organisation id: 1 to 64 letters, digits or hyphens.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex OrgId();

    /// <summary>A purpose code: 1 to 64 lower-case letters, digits or hyphens.</summary>
    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Purpose();

    /// <summary>A data category: 1 to 64 lower-case letters, digits, dots or hyphens.</summary>
    [GeneratedRegex(@"^[a-z0-9.-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex DataCategory();

    /// <summary>An identity tenant's id (an Entra <c>tid</c> is a GUID): 1 to 64 letters, digits, dots or hyphens.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9.-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex TenantId();
}
