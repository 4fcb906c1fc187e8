namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>
/// The rule set every analyst table and export goes through, after the DfE's and the ONS's
/// conventions for official statistics (docs/adr/0011). Each rule is one pure function here; the
/// order they run in is <see cref="TableSuppression.Publish"/>.
/// </summary>
public static class DisclosureRules
{
    /// <summary>The smallest count shown: 1 to 4 are suppressed.</summary>
    public const int Threshold = 5;

    /// <summary>Published figures are rounded to a multiple of this.</summary>
    public const int RoundingBase = 5;

    /// <summary>The fewest organisations a group may hold before it is merged into "Other" (and an "Other" still smaller is suppressed).</summary>
    public const int MinimumOrganisationsPerGroup = 3;

    /// <summary>The symbol of a suppressed figure (explore-education-statistics' "c", confidential).</summary>
    public const string Suppressed = "c";

    /// <summary>The symbol of a figure that does not apply to its row (explore-education-statistics' "z").</summary>
    public const string NotApplicable = "z";

    /// <summary>Rule 1, primary suppression: a count of 1 to 4 could point at a young person.</summary>
    public static bool IsPrimarySuppressed(long count) => count is > 0 and < Threshold;

    /// <summary>
    /// Rule 2, rounding: every count shown is rounded to the nearest 5 (halves up, so 5–7 → 5,
    /// 8–12 → 10), so that a difference between two published figures is never exact.
    /// </summary>
    public static long RoundToBase(long count) => count < 0
        ? throw new ArgumentOutOfRangeException(nameof(count), "Counts are never negative.")
        : (count + (RoundingBase / 2)) / RoundingBase * RoundingBase;

    /// <summary>
    /// Rule 3, zeros: a true zero is shown as 0 only where it identifies no one. Beside a small
    /// figure it does: "1–4 denials in total, 0 of them at schools" says where the few are. So a
    /// zero is suppressed when any published figure that contains it (a margin) is 1 to 4.
    /// </summary>
    public static bool IsDisclosiveZero(long count, IEnumerable<long> enclosingMargins) =>
        count == 0 && enclosingMargins.Any(IsPrimarySuppressed);

    /// <summary>
    /// Rule 5, minimum group: an organisation group with fewer than <see cref="MinimumOrganisationsPerGroup"/>
    /// organisations would describe those organisations; its figures are suppressed.
    /// </summary>
    public static bool IsGroupTooSmall(int organisations) => organisations is > 0 and < MinimumOrganisationsPerGroup;

    /// <summary>A published figure as text: the rounded count, or <see cref="Suppressed"/>.</summary>
    public static string Show(long? rounded) => rounded is { } n ? n.ToString(CultureInfo.InvariantCulture) : Suppressed;
}
