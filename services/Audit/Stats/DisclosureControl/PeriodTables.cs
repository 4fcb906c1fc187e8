namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>The raw counts of one period, never published as they are: decisions by purpose, requesting organisation and outcome, denial reasons, overrides and their reviews.</summary>
public sealed class PeriodCounts
{
    public Dictionary<(string Purpose, string OrgId, bool Approved), long> Decisions { get; } = [];
    public Dictionary<string, long> DenialReasons { get; } = new(StringComparer.Ordinal);
    public long Overrides { get; set; }
    public long ReviewsUpheld { get; set; }
    public long ReviewsNotUpheld { get; set; }

    public void AddDecision(string purpose, string orgId, bool approved) =>
        Decisions[(purpose, orgId, approved)] = Decisions.GetValueOrDefault((purpose, orgId, approved)) + 1;

    public void AddDenialReason(string code) => DenialReasons[code] = DenialReasons.GetValueOrDefault(code) + 1;
}

/// <summary>The decisions' atoms (purpose × group × outcome), their labels, and the figures published over them.</summary>
public sealed record DecisionSystem(IReadOnlyList<string> Purposes, IReadOnlyList<string> Groups, long[] Atoms, IReadOnlyList<FigureDefinition> Figures);

/// <summary>
/// Builds a period's tables from its raw counts, every figure of every table through
/// <see cref="TableSuppression"/> in one system, so no table can be differenced against another.
/// </summary>
public static class PeriodTables
{
    public const string Total = "Total";
    public const string OutcomesByPurpose = "outcomes-by-purpose";
    public const string OutcomesByOrganisationType = "outcomes-by-organisation-type";
    public const string DenialsByReason = "denials-by-reason";
    public const string Overrides = "overrides";
    public static readonly string[] OutcomeColumns = ["Decisions", "Approved", "Denied"];

    /// <summary>Every reason a share can be refused, always listed (a reason appearing only when used would say it was used).</summary>
    public static IReadOnlyList<string> Reasons { get; } = [.. Enum.GetValues<ReasonCode>().Select(r => JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()))];

    public static IReadOnlyList<StatisticsTable> Build(PeriodCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var decisions = DecisionTables(counts);
        var reasons = ReasonTable(counts);
        return [.. decisions, reasons, OverrideTable(counts)];
    }

    /// <summary>
    /// The decisions as one system: atoms purpose × organisation group × outcome, and every figure of
    /// both decision tables (keys <c>table/row/column</c>) as a sum of them. Public for the test that
    /// tries to solve it.
    /// </summary>
    public static DecisionSystem Decisions(PeriodCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (groupOf, tooSmall) = OrganisationTypes.Group(counts.Decisions.Keys.Select(k => k.OrgId));
        var purposes = counts.Decisions.Keys.Select(k => k.Purpose).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var groups = OrganisationTypes.All;

        // Atoms: purpose × organisation group × outcome (approved, denied).
        var atoms = new long[purposes.Count * groups.Count * 2];
        int Atom(int purpose, int group, int outcome) => (((purpose * groups.Count) + group) * 2) + outcome;
        foreach (var ((purpose, org, approved), n) in counts.Decisions)
        {
            atoms[Atom(purposes.IndexOf(purpose), IndexOf(groups, groupOf[org]), approved ? 0 : 1)] += n;
        }

        IEnumerable<int> Where(Func<int, bool> purpose, Func<int, bool> inGroup, Func<int, bool> outcome) =>
            from p in Enumerable.Range(0, purposes.Count)
            from g in Enumerable.Range(0, groups.Count)
            from o in Enumerable.Range(0, 2)
            where purpose(p) && inGroup(g) && outcome(o)
            select Atom(p, g, o);

        Func<int, bool> Outcome(int column) => column switch { 1 => o => o == 0, 2 => o => o == 1, _ => _ => true };
        var figures = new List<FigureDefinition>();
        for (var c = 0; c < 3; c++)
        {
            var column = c;
            for (var p = 0; p <= purposes.Count; p++)
            {
                var purpose = p;
                figures.Add(new($"{OutcomesByPurpose}/{p}/{c}", [.. Where(x => purpose == purposes.Count || x == purpose, _ => true, Outcome(column))]));
            }

            for (var g = 0; g <= groups.Count; g++)
            {
                var groupIndex = g;
                figures.Add(new(
                    $"{OutcomesByOrganisationType}/{g}/{c}",
                    [.. Where(_ => true, x => groupIndex == groups.Count || x == groupIndex, Outcome(column))],
                    Withheld: g < groups.Count && tooSmall.Contains(groups[g])));
            }
        }

        return new(purposes, groups, atoms, figures);
    }

    private static IReadOnlyList<StatisticsTable> DecisionTables(PeriodCounts counts)
    {
        var (purposes, groups, atoms, figures) = Decisions(counts);
        var published = TableSuppression.Publish(atoms, figures).ToDictionary(f => f.Key, f => f.Shown, StringComparer.Ordinal);
        StatisticsRow Row(string table, int row, string label) => new(label, [.. Enumerable.Range(0, 3).Select(c => published[$"{table}/{row}/{c}"])]);
        return
        [
            new(OutcomesByPurpose, "Decisions by purpose and outcome", "Purpose", OutcomeColumns,
                [.. purposes.Select((p, i) => Row(OutcomesByPurpose, i, p)), Row(OutcomesByPurpose, purposes.Count, Total)]),
            new(OutcomesByOrganisationType, "Decisions by requesting organisation type and outcome", "Organisation type", OutcomeColumns,
                [.. groups.Select((g, i) => Row(OutcomesByOrganisationType, i, g)), Row(OutcomesByOrganisationType, groups.Count, Total)]),
        ];
    }

    /// <summary>
    /// Denials by reason, every reason listed, with the number of reasons given (a denial may give
    /// several, so they need not add up to the denials). When the denials themselves are 1 to 4,
    /// every figure here is suppressed, zeros too: which reasons were not given would say which was.
    /// </summary>
    private static StatisticsTable ReasonTable(PeriodCounts counts)
    {
        var denials = counts.Decisions.Where(d => !d.Key.Approved).Sum(d => d.Value);
        var atoms = Reasons.Select(r => counts.DenialReasons.GetValueOrDefault(r)).ToArray();
        var withheld = DisclosureRules.IsPrimarySuppressed(denials);
        var figures = Reasons.Select((_, i) => new FigureDefinition($"{i}", [i], withheld))
            .Append(new FigureDefinition("total", [.. Enumerable.Range(0, Reasons.Count)], withheld))
            .ToList();
        var published = TableSuppression.Publish(atoms, figures);
        return new(DenialsByReason, "Denials by reason", "Reason", ["Denials giving this reason"],
            [.. published.Take(Reasons.Count).Select((f, i) => new StatisticsRow(Reasons[i], [f.Shown])), new StatisticsRow("All reasons given", [published[^1].Shown])]);
    }

    /// <summary>Safeguarding overrides approved in the period, and the Caldicott guardians' reviews of overrides made in it, by finding.</summary>
    private static StatisticsTable OverrideTable(PeriodCounts counts)
    {
        long[] atoms = [counts.Overrides, counts.ReviewsUpheld, counts.ReviewsNotUpheld];
        FigureDefinition[] figures = [new("overrides", [0]), new("upheld", [1]), new("not-upheld", [2]), new("reviews", [1, 2])];
        var published = TableSuppression.Publish(atoms, figures).ToDictionary(f => f.Key, f => f.Shown, StringComparer.Ordinal);
        return new(Overrides, "Safeguarding overrides and their reviews", "Count", ["Number"],
        [
            new("Safeguarding overrides approved", [published["overrides"]]),
            new("Reviews: override upheld", [published["upheld"]]),
            new("Reviews: override not upheld", [published["not-upheld"]]),
            new("Reviews: total", [published["reviews"]]),
        ]);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item) return i;
        }

        return -1;
    }
}
