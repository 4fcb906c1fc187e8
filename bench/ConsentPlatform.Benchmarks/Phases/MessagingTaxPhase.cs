using ConsentPlatform.Benchmarks.Messaging;
using ConsentPlatform.Benchmarks.Reporting;
using ConsentPlatform.TestSupport.Processes;
using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 3. The messaging tax: <c>CheckConsent</c> over RabbitMQ, one call at a time, against the same
/// lookup in process.
/// </summary>
public sealed class MessagingTaxPhase : IBenchPhase
{
    private IReadOnlyList<TaxRow> tax = [];

    public string Name => "messaging tax";
    public string? SkipKey => "tax";

    public async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Phase("messaging tax: CheckConsent over RabbitMQ vs in process");
        tax = await ConsentCheckTax.MeasureAsync(run.Platform.Broker, run.Platform.Databases["consent"].ConnectionString, run.Story.Subjects, Scenario.School, run.Options.TaxCalls);
    }

    public void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var taxUs = tax[0].MeanUs - tax[1].MeanUs;
        report.Add(new Table(
            "3. Live check round trip: the messaging tax",
            ["call", "calls", "mean µs", "p50 µs", "p99 µs", "max µs"],
            [.. tax.Select(t => (IReadOnlyList<string>)[t.Name, Num(t.Calls), Num(t.MeanUs, 1), Num(t.P50Us), Num(t.P99Us), Num(t.MaxUs)])],
            tax,
            $"One call at a time from this process. Messaging tax = {Num(taxUs)} µs mean, {Num(tax[0].P50Us - tax[1].P50Us)} µs at p50 (RabbitMQ round trip, MassTransit serialization and the consumer pipeline)."));
        report.Goals.Add(new Goal("3. messaging tax of a live check", "measure (no goal)", $"{Num(taxUs)} µs mean ({Num(tax[0].MeanUs)} vs {Num(tax[1].MeanUs)} µs)", null));
    }
}
