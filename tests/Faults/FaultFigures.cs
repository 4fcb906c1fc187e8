namespace ConsentPlatform.Faults.Tests;

/// <summary>
/// The fault suite's figures, one row per fault, written as a Markdown table to
/// <c>.state/test-results/fault-figures.md</c> (which <c>infra/test</c> prints at the end) and to
/// the test output. docs/reliability.md explains the columns.
/// </summary>
internal static class FaultFigures
{
    private static readonly ConcurrentDictionary<string, Row> Rows = new();

    /// <param name="recovery">
    /// From the broken part's return to the first approval after it (issue 23), where the fault has one.
    /// Its goal (≤ 2 s) is printed in the column's header, not asserted: a timing goal is a figure.
    /// </param>
    public static void Record(string fault, int sent, int deniedDuringFault, int serverErrors, LedgerCount ledger, int releasedWithoutApproval, TimeSpan? recovery = null)
    {
        Rows[fault] = new Row(fault, sent, deniedDuringFault, serverErrors, ledger, releasedWithoutApproval, recovery);
        Write();
    }

    /// <summary>A fault's row from its load (every request sent, the denied ones, those answered 5xx or not at all); returns the load's result.</summary>
    public static LoadResult Record(string fault, LoadResult load)
    {
        Record(fault, load.Outcomes.Count, load.Outcomes.Count(o => o.ShareStatus == "denied"), load.Outcomes.Count(o => o.IsServerError), load.Ledger, load.ReleasesWithoutApproval);
        return load;
    }

    private static void Write()
    {
        var table = new StringBuilder()
            .AppendLine("| fault | requests sent | denied during fault | 5xx or no answer | events committed | ledgered | duplicates | lost | sequence gaps | tree mismatches | released without approval | approved again after (goal ≤ 2 s) |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in Rows.Values.OrderBy(r => r.Fault, StringComparer.Ordinal))
        {
            table.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"| {r.Fault} | {r.Sent} | {r.Denied} | {r.ServerErrors} | {r.Ledger.Committed} | {r.Ledger.Ledgered} | {r.Ledger.Duplicates} | {r.Ledger.Lost} | {r.Ledger.SequenceGaps} | {r.Ledger.TreeMismatches} | {r.ReleasedWithoutApproval} | {(r.Recovery is { } t ? $"{t.TotalSeconds:0.0} s" : "—")} |");
        }

        var folder = Path.Combine(RepositoryRoot.Find(), ".state", "test-results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "fault-figures.md"), table.ToString());
        Console.WriteLine(table.ToString());
    }

    private sealed record Row(string Fault, int Sent, int Denied, int ServerErrors, LedgerCount Ledger, int ReleasedWithoutApproval, TimeSpan? Recovery);
}
