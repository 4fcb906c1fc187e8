using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 5. The ledger under the load of <see cref="DecisionLoadPhase"/>: its append rate during the
/// load, the backlog drained (purged after the drain limit, and said so), the lag of every event
/// committed during the load, then verification at every level from the endpoint to raw SHA-256.
/// </summary>
public sealed class LedgerPhase(DecisionLoadPhase load) : BenchPhase("ledger", "ledger")
{
    private readonly List<string> notes = [];
    private double appendRate;
    private double drainRate;
    private double drainSeconds;
    private double drainAndVerifySeconds;
    private LagFigures lag = default!;
    private readonly List<(LoadResult Step, LagFigures Lag)> lagPerStep = [];
    private IReadOnlyList<VerifyRow> verify = [];

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Phase("ledger: drain and verify");
        appendRate = (load.HeadAfterLoad - load.HeadBefore) / load.LoadSeconds;
        var drainClock = Stopwatch.StartNew();
        var drainFrom = await run.Ledger.HeadAsync();
        var drained = await run.WaitForLedgerAsync(run.Options.DrainLimit);
        drainRate = (await run.Ledger.HeadAsync() - drainFrom) / drainClock.Elapsed.TotalSeconds;

        // The lag of every event committed during the decision phases, from its commit to its ledger entry.
        var connections = run.Platform.Databases.ToDictionary(d => d.Key, d => d.Value.ConnectionString);
        lag = await LedgerLag.MeasureAsync(connections, run.Platform.Databases["audit"].ConnectionString, load.LoadStarted, load.LoadEnded);
        // And per step: the goal is the lag at the sustained maximum, while the whole window also holds the open loop beyond it.
        foreach (var (step, from, to) in load.StepWindows)
        {
            lagPerStep.Add((step, await LedgerLag.MeasureAsync(connections, run.Platform.Databases["audit"].ConnectionString, from, to)));
        }

        drainSeconds = drainClock.Elapsed.TotalSeconds;
        if (!drained)
        {
            var left = await run.Ledger.QueueDepthAsync();
            await run.Ledger.PurgeQueueAsync();
            notes.Add($"The ledger had not caught up {run.Options.DrainLimit.TotalSeconds:0} s after the load: {left:N0} messages were purged from audit-ledger (isolated vhost) so that the later phases do not measure the backlog.");
        }

        verify = await run.Ledger.VerifyAsync(run.Platform.Gateway.BaseAddress, run.Story.AuditorToken);
        // As the report has always shown it: the draining row's seconds run until verification ends.
        drainAndVerifySeconds = drainClock.Elapsed.TotalSeconds;
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var waiting = lag.Events - lag.Ledgered;
        report.Add(new Table(
            "5. Ledger lag: commit in the publisher's store → ledger entry, events committed during the decision phases",
            ["events committed", "ledgered", $"not ledgered {Num(drainSeconds, 0)} s after the load", "p50 ms", "p99 ms", "max ms"],
            [[Num(lag.Events), Num(lag.Ledgered), Num(waiting), Num(lag.P50Ms, 1), Num(lag.P99Ms, 1), Num(lag.MaxMs, 1)]],
            lag,
            "mt_events.timestamp of each store against audit.ledger.recorded_at, both from the same PostgreSQL server's clock. The decision phases are closed and open loop at the platform's maximum and beyond."));
        report.Add(new Table(
            "5. Ledger lag per step: events committed during each step (warm-up included)",
            ["step", "target", "approved /s", "events committed", "ledgered", "p50 ms", "p99 ms", "max ms"],
            [.. lagPerStep.Select(l => (IReadOnlyList<string>)[l.Step.Name, l.Step.Target, Num(l.Step.ThroughputPerSecond, 1), Num(l.Lag.Events), Num(l.Lag.Ledgered), Num(l.Lag.P50Ms, 1), Num(l.Lag.P99Ms, 1), Num(l.Lag.MaxMs, 1)])],
            lagPerStep.Select(l => new { step = l.Step.Name, target = l.Step.Target, lag = l.Lag }).ToList(),
            "The steps run one after another, so a step inherits any backlog the one before it left."));
        var best = load.BestClosedLoop("gateway");
        if (lagPerStep.FirstOrDefault(l => l.Step == best) is { Step: not null } atMaximum)
        {
            report.Goals.Add(new Goal("5. ledger lag p99 at the sustained maximum (the best closed-loop step)", "≤ 1 s", $"p50 {Num(atMaximum.Lag.P50Ms, 0)} ms, p99 {Num(atMaximum.Lag.P99Ms, 0)} ms at c={best!.Concurrency} ({Num(best.ThroughputPerSecond)}/s)", atMaximum.Lag.P99Ms <= 1000));
        }

        report.Goals.Add(new Goal("5. ledger lag p99 under the decision phases", "≤ 1 s", $"p50 {Num(lag.P50Ms, 0)} ms, p99 {Num(lag.P99Ms, 0)} ms, max {Num(lag.MaxMs, 0)} ms over {Num(lag.Ledgered)} events", lag.P99Ms <= 1000));
        report.Goals.Add(new Goal($"5. events still waiting {Num(drainSeconds, 0)} s after the load", "0", Num(waiting), waiting == 0));
        report.Notes.AddRange(notes);

        report.Add(new Table(
            "5. Ledger",
            ["measurement", "entries", "seconds", "entries/s", "of raw SHA-256"],
            [
                ["appends during the load phases (disclosure + consent publishers)", Num(load.HeadAfterLoad - load.HeadBefore), Num(load.LoadSeconds, 1), Num(appendRate), ""],
                [$"appends while draining the backlog ({load.Backlog:N0} queued after the load)", "", Num(drainAndVerifySeconds, 1), Num(drainRate), ""],
                .. verify.Select(v => (IReadOnlyList<string>)[v.Name, Num(v.Entries), Num(v.Seconds, 3), Num(v.EntriesPerSecond), v.OfRawSha256.ToString("P1", CultureInfo.InvariantCulture)]),
            ],
            new { appendsDuringLoad = load.HeadAfterLoad - load.HeadBefore, loadSeconds = load.LoadSeconds, appendRate, backlogAfterLoad = load.Backlog, drainRate, verify }));
        report.Goals.Add(new Goal("5. ledger appends/s under concurrent publishers", "measure (no goal); must keep up with decisions × 2", $"{Num(appendRate)}/s during load, {Num(drainRate)}/s draining", null));
        var endpointVerify = verify[0];
        var core = verify[2];
        var floor = verify[3];
        var raw = verify[^1];
        report.Goals.Add(new Goal("5. verify speed vs raw chained SHA-256 (the verifier's work)", "≥ 50 %", $"{core.OfRawSha256:P1} ({Num(core.EntriesPerSecond)} vs {Num(raw.EntriesPerSecond)} entries/s, rows in memory)", core.OfRawSha256 >= 0.5));
        report.Goals.Add(new Goal("5. verify speed vs raw chained SHA-256 (the endpoint, reading PostgreSQL)", "≥ 50 %", $"{endpointVerify.OfRawSha256:P1} via the endpoint, {verify[1].OfRawSha256:P1} in process; reading the bytes alone from PostgreSQL reaches {floor.OfRawSha256:P1}", endpointVerify.OfRawSha256 >= 0.5));
    }
}
