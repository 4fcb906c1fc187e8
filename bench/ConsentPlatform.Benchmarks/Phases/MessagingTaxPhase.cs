using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 3. The messaging tax: <c>CheckConsent</c> over RabbitMQ, one call at a time, against the same
/// lookup in process. A call that fails (a request timed out under load) is counted in the
/// phase's row and fails its goal; the run goes on.
/// </summary>
public sealed class MessagingTaxPhase() : BenchPhase("messaging tax", "tax")
{
    private IReadOnlyList<TaxRow> tax = [];
    private int asked;

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Phase("messaging tax: CheckConsent over RabbitMQ vs in process");
        asked = run.Options.TaxCalls;
        tax = await ConsentCheckTax.MeasureAsync(run.Platform.Broker, run.Platform.Databases["consent"].ConnectionString, run.Story.Subjects, Scenario.School, run.Options.TaxCalls);
        foreach (var row in tax.Where(t => t.Errors > 0)) Console.WriteLine($"  {row.Name}: {row.Errors} of {row.Calls} calls failed, the first: {row.FirstError}");
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var taxUs = tax[0].MeanUs - tax[1].MeanUs;
        var errors = tax.Sum(t => t.Errors);
        var stopped = tax.Where(t => t.Calls < asked).Select(t => t.Name).ToList();
        report.Add(new Table(
            "3. Live check round trip: the messaging tax",
            ["call", "calls", "mean µs", "p50 µs", "p99 µs", "max µs", "errors"],
            [.. tax.Select(t => (IReadOnlyList<string>)[t.Name, Num(t.Calls), Num(t.MeanUs, 1), Num(t.P50Us), Num(t.P99Us), Num(t.MaxUs), Num(t.Errors)])],
            tax,
            $"One call at a time from this process. Messaging tax = {Num(taxUs)} µs mean, {Num(tax[0].P50Us - tax[1].P50Us)} µs at p50 (RabbitMQ round trip, MassTransit serialization and the consumer pipeline). " +
            "Errors: calls that failed (a request timed out, a fault), left out of the latency figures" +
            (tax.FirstOrDefault(t => t.FirstError is not null) is { } failed ? "; the first: " + failed.FirstError + "." : ".") +
            (stopped.Count == 0 ? "" : $" Stopped after {ConsentCheckTax.ConsecutiveFailuresToGiveUp} failures in a row: {string.Join(", ", stopped)}.")));
        report.Goals.Add(errors == 0 && stopped.Count == 0
            ? new Goal("3. messaging tax of a live check", "measure (no goal)", $"{Num(taxUs)} µs mean ({Num(tax[0].MeanUs)} vs {Num(tax[1].MeanUs)} µs)", null)
            : new Goal("3. messaging tax of a live check", "measure (no goal); no call may fail", $"{Num(taxUs)} µs mean ({Num(tax[0].MeanUs)} vs {Num(tax[1].MeanUs)} µs); {errors} of {tax.Sum(t => t.Calls)} calls failed" + (stopped.Count == 0 ? "" : $", stopped early: {string.Join(", ", stopped)}"), false));
    }
}
