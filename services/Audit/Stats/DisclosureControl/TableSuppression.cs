namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>
/// One figure to publish: the sum of some atoms (the finest counts, never published themselves),
/// under a key (<c>table/row/column</c>). Every table of a period is a set of such figures over
/// the same atoms, so that secondary suppression sees all of them at once: a total in one table
/// and the cells of another are one system of equations to an attacker, and to us.
/// </summary>
/// <c>Withheld</c>: another rule already suppresses it (an organisation group too small, a reason
/// among too few denials); it takes part in secondary suppression like any suppressed figure.
/// </summary>
public sealed record FigureDefinition(string Key, IReadOnlyList<int> Atoms, bool Withheld = false);

/// <summary>Why a figure is not shown.</summary>
public enum Suppression
{
    None,
    Primary,
    DisclosiveZero,
    Withheld,
    Secondary,
}

/// <summary>A figure as published: rounded, or suppressed (<see cref="Rounded"/> null) and why.</summary>
public sealed record PublishedFigure(string Key, long? Rounded, Suppression Suppression)
{
    public string Shown => DisclosureRules.Show(Rounded);
}

/// <summary>
/// Applies the rules to every figure of a period together: primary suppression, disclosive zeros,
/// too-small groups, then secondary suppression until no suppressed figure is a linear combination
/// of the published ones (which is exactly when it could be worked out from them, whatever tables
/// they sit in), then rounding.
/// </summary>
public static class TableSuppression
{
    public static IReadOnlyList<PublishedFigure> Publish(IReadOnlyList<long> atoms, IReadOnlyList<FigureDefinition> figures)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(figures);

        // Figures over the same atoms are the same number wherever they appear (a grand total in
        // two tables): one decision for all of them.
        var distinct = figures
            .GroupBy(f => string.Join(',', f.Atoms.Distinct().Order()), StringComparer.Ordinal)
            .Select(g => new Distinct([.. g.First().Atoms.Distinct().Order()], g.First().Atoms.Distinct().Sum(a => atoms[a]), g.Any(f => f.Withheld)))
            .ToList();
        var indexOf = figures.ToDictionary(f => f.Key, f => distinct.FindIndex(d => d.Atoms.SequenceEqual(f.Atoms.Distinct().Order())), StringComparer.Ordinal);

        var why = new Suppression[distinct.Count];
        for (var i = 0; i < distinct.Count; i++)
        {
            var figure = distinct[i];
            var margins = distinct.Where(d => d != figure && figure.Atoms.All(d.Atoms.Contains)).Select(d => d.Value);
            why[i] = DisclosureRules.IsPrimarySuppressed(figure.Value) ? Suppression.Primary
                : figure.Withheld ? Suppression.Withheld
                : DisclosureRules.IsDisclosiveZero(figure.Value, margins) ? Suppression.DisclosiveZero
                : Suppression.None;
        }

        // A zero that contains a hidden zero would show it anyway (nothing can be below zero):
        // "0 decisions at local authorities" pins "c approved at local authorities" to 0. Hide it too.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < distinct.Count; i++)
            {
                if (why[i] != Suppression.None || distinct[i].Value != 0) continue;
                if (!Enumerable.Range(0, distinct.Count).Any(j => why[j] == Suppression.DisclosiveZero && distinct[j].Atoms.All(distinct[i].Atoms.Contains))) continue;
                why[i] = Suppression.DisclosiveZero;
                changed = true;
            }
        }

        SuppressSecondary(atoms.Count, distinct, why);

        return [.. figures.Select(f =>
        {
            var i = indexOf[f.Key];
            return new PublishedFigure(f.Key, why[i] == Suppression.None ? DisclosureRules.RoundToBase(distinct[i].Value) : null, why[i]);
        })];
    }

    /// <summary>
    /// Rule 6, secondary suppression: while some suppressed figure can be derived from published
    /// ones, suppress one more published figure: the first, cells before totals and smallest first,
    /// whose suppression leaves fewer figures derivable. Zeros come last: a suppressed zero can
    /// only rise, so it pins the others beside it instead of hiding them.
    /// </summary>
    private static void SuppressSecondary(int atomCount, List<Distinct> figures, Suppression[] why)
    {
        while (true)
        {
            var derivable = Derivable(atomCount, figures, why);
            if (derivable.Count == 0) return;
            // Cells before totals (fewest atoms), the smallest first, as the DfE's convention
            // suppresses the next smallest cell of the row or column; the first that closes a route.
            var candidates = Enumerable.Range(0, figures.Count)
                .Where(i => why[i] == Suppression.None)
                .OrderBy(i => figures[i].Value == 0)
                .ThenBy(i => figures[i].Atoms.Length)
                .ThenBy(i => figures[i].Value)
                .ToList();
            if (candidates.Count == 0) return;

            var chosen = candidates.FirstOrDefault(i =>
            {
                why[i] = Suppression.Secondary;
                var fewer = Derivable(atomCount, figures, why).Count < derivable.Count;
                why[i] = Suppression.None;
                return fewer;
            }, candidates[0]);
            why[chosen] = Suppression.Secondary;
        }
    }

    /// <summary>The suppressed figures that are linear combinations of the published ones.</summary>
    public static List<int> Derivable(int atomCount, IReadOnlyList<Distinct> figures, IReadOnlyList<Suppression> why)
    {
        var basis = new LinearSpan(atomCount);
        for (var i = 0; i < figures.Count; i++)
        {
            if (why[i] == Suppression.None) basis.Add(figures[i].Atoms);
        }

        return [.. Enumerable.Range(0, figures.Count).Where(i => why[i] != Suppression.None && basis.Contains(figures[i].Atoms))];
    }

    /// <summary>A figure over a set of atoms, its true value, and whether another rule withholds it.</summary>
    public sealed record Distinct(int[] Atoms, long Value, bool Withheld);
}
