namespace ConsentPlatform.Audit;

/// <summary>
/// The ledger's counters (meter <c>ConsentPlatform.Audit</c>): entries appended, duplicates ignored,
/// and messages moved to the error queue, which an operator must look at: nothing is dropped silently.
/// </summary>
public sealed class AuditMetrics : IDisposable
{
    public const string MeterName = "ConsentPlatform.Audit";

    private readonly Meter meter;

    public AuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        Appended = meter.CreateCounter<long>("audit.ledger.appended", description: "Events appended to the ledger.");
        Duplicates = meter.CreateCounter<long>("audit.ledger.duplicates", description: "Redelivered or duplicated events that changed nothing.");
        ErrorQueued = meter.CreateCounter<long>("audit.ledger.error_queued", description: "Messages the ledger could not record, moved to its error queue.");
        CheckpointsRefused = meter.CreateCounter<long>("audit.checkpoint.refused", description: "Checkpoints not signed because the tree was not an extension of the last one signed (a rewritten ledger).");
    }

    public Counter<long> Appended { get; }
    public Counter<long> Duplicates { get; }
    public Counter<long> ErrorQueued { get; }
    public Counter<long> CheckpointsRefused { get; }

    public void CheckpointRefused() => CheckpointsRefused.Add(1);

    public void Dispose() => meter.Dispose();
}
