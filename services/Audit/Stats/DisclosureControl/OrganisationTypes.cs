namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>
/// Rule 4, organisations by type: an analyst's tables never name an organisation, only its type,
/// read from the organisation's code (<c>la-…</c>, <c>school-…</c>, …; the platform's org codes
/// start with their kind). Types with too few organisations in a period are merged into "Other".
/// </summary>
public static class OrganisationTypes
{
    public const string LocalAuthority = "Local authority";
    public const string School = "School";
    public const string Health = "Health";
    public const string Charity = "Charity";
    public const string Other = "Other";

    /// <summary>The types in the order tables show them.</summary>
    public static IReadOnlyList<string> All { get; } = [LocalAuthority, School, Health, Charity, Other];

    private static readonly (string Prefix, string Type)[] Prefixes =
    [
        ("la-", LocalAuthority), ("council-", LocalAuthority), ("lea-", LocalAuthority),
        ("school-", School), ("academy-", School), ("college-", School), ("mat-", School),
        ("nhs-", Health), ("health-", Health), ("gp-", Health), ("trust-", Health), ("hospital-", Health), ("icb-", Health),
        ("charity-", Charity), ("vcs-", Charity),
    ];

    /// <summary>The type an organisation's code names; <see cref="Other"/> when it names none.</summary>
    public static string Of(string orgId)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        foreach (var (prefix, type) in Prefixes)
        {
            if (orgId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return type;
        }

        return Other;
    }

    /// <summary>
    /// The group each organisation is counted in: its type, unless fewer than
    /// <see cref="DisclosureRules.MinimumOrganisationsPerGroup"/> organisations of that type appear, then
    /// <see cref="Other"/>. Also which groups are still too small (an "Other" of one or two).
    /// </summary>
    public static (IReadOnlyDictionary<string, string> GroupOf, IReadOnlySet<string> TooSmall) Group(IEnumerable<string> orgIds)
    {
        var byType = orgIds.Distinct(StringComparer.Ordinal).GroupBy(Of).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, orgs) in byType)
        {
            var group = type != Other && DisclosureRules.IsGroupTooSmall(orgs.Count) ? Other : type;
            foreach (var org in orgs) groupOf[org] = group;
        }

        var sizes = groupOf.Values.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (groupOf, sizes.Where(s => DisclosureRules.IsGroupTooSmall(s.Value)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal));
    }
}
