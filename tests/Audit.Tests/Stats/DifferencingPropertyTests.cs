namespace ConsentPlatform.Audit.Tests.Stats;

/// <summary>
/// The property the rules exist for: no combination of an analyst's tables for one period lets a
/// count below 5 be recovered. An attacker who is told every published figure exactly (more than
/// the rounded figures tell) searches every non-negative whole-number filling of the atoms that
/// agrees with them; a small figure is safe when at least two of its values remain possible.
/// A zero that can be worked out is allowed in general (a group with no decisions at all, say), but
/// not where it would point at a small count: the one-denial story checks its zeros too.
/// </summary>
public sealed class DifferencingPropertyTests
{
    // Small enough to search exhaustively: two types of three or more, and one health organisation
    // alone (merged into "Other", which is then too small and withheld).
    private static readonly string[] Orgs = ["la-a", "la-b", "la-c", "school-a", "school-b", "school-c", "nhs-a"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 120)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_small_figure_of_a_random_period_can_be_solved_from_its_published_figures(int seed)
    {
        var random = new Random(seed);
        var counts = new PeriodCounts();
        var purposes = new[] { "p-one", "p-two" }.Take(random.Next(1, 3)).ToArray();
        var orgs = Orgs.Where(_ => random.Next(3) > 0).DefaultIfEmpty("school-a").ToArray();
        foreach (var purpose in purposes)
        {
            foreach (var org in orgs)
            {
                // Mostly approvals, now and then a few denials: the shape that makes small cells.
                for (var i = random.Next(0, 4); i > 0; i--) counts.AddDecision(purpose, org, approved: true);
                if (random.Next(4) == 0) counts.AddDecision(purpose, org, approved: false);
            }
        }

        AssertNoSmallFigureSolvable(counts, includingZeros: false);
    }

    [Fact]
    public void One_denial_among_many_approvals_reveals_neither_its_count_its_reason_nor_its_organisation()
    {
        var counts = new PeriodCounts();
        string[] orgs = ["la-a", "la-b", "la-c", "school-a", "school-b", "school-c"];
        foreach (var org in orgs)
        {
            for (var i = 0; i < 9; i++) counts.AddDecision("school-support", org, approved: true);
        }

        counts.AddDecision("school-support", "school-b", approved: false);
        counts.AddDenialReason("consent-missing");

        // Zeros too: "0 denied at local authorities" would say the one denial was at a school.
        AssertNoSmallFigureSolvable(counts, includingZeros: true);
        var tables = PeriodTables.Build(counts).ToDictionary(t => t.Id);
        var byType = tables[PeriodTables.OutcomesByOrganisationType];
        // Every denied figure is "c", the zeros too, so no type is shown to have none.
        Assert.All(byType.Rows, r => Assert.Equal("c", r.Values[2]));
        Assert.All(tables[PeriodTables.OutcomesByPurpose].Rows, r => Assert.Equal("c", r.Values[2]));
        // No reason stands out: all of them, and their total, are "c".
        Assert.All(tables[PeriodTables.DenialsByReason].Rows, r => Assert.Equal("c", r.Values[0]));
        // No organisation's code appears anywhere.
        Assert.DoesNotContain(tables.Values.SelectMany(t => t.Rows), r => orgs.Contains(r.Label));
    }

    [Fact]
    public void Override_reviews_split_one_to_four_hide_both_findings()
    {
        var counts = new PeriodCounts { Overrides = 9, ReviewsUpheld = 8, ReviewsNotUpheld = 1 };

        var overrides = PeriodTables.Build(counts).Single(t => t.Id == PeriodTables.Overrides);

        Assert.Equal(["10", "c", "c", "10"], overrides.Rows.Select(r => r.Values[0]));
    }

    private static void AssertNoSmallFigureSolvable(PeriodCounts counts, bool includingZeros)
    {
        var system = PeriodTables.Decisions(counts);
        var tables = PeriodTables.Build(counts).ToDictionary(t => t.Id);
        var shown = system.Figures.ToDictionary(f => f.Key, f =>
        {
            var parts = f.Key.Split('/');
            return tables[parts[0]].Rows[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)].Values[int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)];
        });
        var published = system.Figures.Where(f => shown[f.Key] != "c").ToList();
        foreach (var figure in system.Figures.Where(f => shown[f.Key] == "c"))
        {
            var truth = figure.Atoms.Sum(a => system.Atoms[a]);
            if (truth >= DisclosureRules.Threshold || (truth == 0 && !includingZeros)) continue;
            Assert.True(
                AnotherValuePossible(system.Atoms, published, figure.Atoms, truth),
                $"{figure.Key} = {truth} can be solved from the published figures");
        }

        foreach (var figure in published)
        {
            Assert.False(DisclosureRules.IsPrimarySuppressed(figure.Atoms.Sum(a => system.Atoms[a])), $"{figure.Key} is shown though small");
        }
    }

    /// <summary>
    /// Depth-first over the atoms, each bounded by what the figures it is in still leave: is there a
    /// filling that agrees with every published figure (at its true value) and gives
    /// <paramref name="target"/> another value than <paramref name="value"/>?
    /// </summary>
    private static bool AnotherValuePossible(long[] truth, IReadOnlyList<FigureDefinition> published, IReadOnlyList<int> target, long value)
    {
        var n = truth.Length;
        var cap = truth.Max() + DisclosureRules.Threshold;
        var remaining = published.Select(f => f.Atoms.Sum(a => truth[a])).ToArray();
        var open = published.Select(f => f.Atoms.Count).ToArray();
        var memberOf = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, published.Count).Where(c => published[c].Atoms.Contains(a)).ToArray()).ToArray();
        var inTarget = Enumerable.Range(0, n).Select(a => target.Contains(a)).ToArray();

        bool Search(int atom, long targetSum)
        {
            if (atom == n) return targetSum != value;
            var constraints = memberOf[atom];
            var upper = constraints.Length == 0 ? cap : constraints.Min(c => remaining[c]);
            for (long v = 0; v <= upper; v++)
            {
                var fits = true;
                foreach (var c in constraints)
                {
                    remaining[c] -= v;
                    open[c]--;
                    if (open[c] == 0 && remaining[c] != 0) fits = false;
                }

                var found = fits && Search(atom + 1, targetSum + (inTarget[atom] ? v : 0));
                foreach (var c in constraints)
                {
                    remaining[c] += v;
                    open[c]++;
                }

                if (found) return true;
            }

            return false;
        }

        return Search(0, 0);
    }
}
