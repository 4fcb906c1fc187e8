namespace ConsentPlatform.Benchmarks.Ledger;

/// <summary>
/// Issue 19: is the cost of a proof flat as the ledger grows? On a fresh database, the ledger is
/// two ledgers are grown with the service's own appender (batches of 500, tree hashes written in
/// each append's transaction), one to 1,000 entries and one to 250,000 (<c>--proofs-large N</c>), in
/// two databases; it then times both in interleaved rounds, one call at a time over one connection each, what <c>GET /api/audit/proofs/inclusion</c> does for random
/// sequences (tree size, latest checkpoint, the leaf and the proof's stored subtrees, folded), the
/// checkpoint root, and consistency proofs from half the tree. Run with <c>bench/run --proofs</c>.
/// </summary>
public static class ProofBench
{
    private const int Batch = 500;
    private const int Rounds = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var large = Array.IndexOf(args, "--proofs-large") is var i and >= 0 ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : 250_000;
        var calls = Array.IndexOf(args, "--proofs-calls") is var j and >= 0 ? int.Parse(args[j + 1], CultureInfo.InvariantCulture) : 2_000;
        var label = Array.IndexOf(args, "--label") is var k and >= 0 ? args[k + 1] : "";
        var infrastructure = await PlatformInfrastructure.GetAsync();
        using var data = JsonDocument.Parse("""{"disclosureId":"0195b5e4-0000-7000-8000-000000000001","purpose":"school-support","requesterOrgId":"URN100001","holderOrgId":"LA-909","dataCategories":["caring.role","education.attendance"],"basis":"consent"}""");
        var sizes = new long[] { 1_000, large };
        var databases = new List<IsolatedDatabase>();
        var sources = new List<NpgsqlDataSource>();
        var connections = new List<NpgsqlConnection>();
        try
        {
            foreach (var target in sizes)
            {
                var database = await IsolatedDatabase.CreateAsync(infrastructure, "bench_proofs");
                databases.Add(database);
                var source = NpgsqlDataSource.Create(database.ConnectionString);
                sources.Add(source);
                var ledger = new LedgerDatabase(source);
                var writer = new LedgerWriter(ledger, TimeProvider.System);
                var grow = Stopwatch.StartNew();
                for (long size = 0; size < target;)
                {
                    var count = (int)Math.Min(Batch, target - size);
                    var events = Enumerable.Range(0, count).Select(n => new IncomingEvent(Guid.NewGuid(), "DisclosureRequested", "disclosure", $"seed-{(size + n) % 100_000}", DateTimeOffset.UtcNow, data.RootElement)).ToList();
                    await writer.AppendBatchAsync(events, CancellationToken.None);
                    size += count;
                }

                Console.WriteLine($"[proofs] a ledger of {target} entries, grown with the service's appender in {grow.Elapsed.TotalSeconds:F0} s");
                connections.Add(await ledger.OpenAsync(CancellationToken.None));
            }

            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"# Inclusion-proof cost as the ledger grows (issue 19){(label.Length > 0 ? $", {label}" : "")}")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; two ledgers in two databases, measured in interleaved rounds ({Rounds} × {calls / Rounds} calls each, one at a time, one connection, random sequences) so that both see the same machine load; µs.")
                .AppendLine()
                .AppendLine("| entries | what | p50 | p95 | p99 | mean | subtree rows read |")
                .AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            var random = new Random(19);
            var what = new (string Name, Func<NpgsqlConnection, long, Task> Call, Func<long, int> Rows)[]
            {
                ("inclusion proof (as the endpoint: size, checkpoint, leaf, proof)", (c, n) => CheckpointEndpoints.ProveAsync(c, random.NextInt64(1, n + 1), n, CancellationToken.None),
                    n => MerkleTree.InclusionRanges(n / 2, n).Sum(r => MerkleTree.Subtrees(r.Start, r.End).Count)),
                ("inclusion proof alone (stored subtrees, folded)", (c, n) => LedgerTreeStore.InclusionProofAsync(c, null, random.NextInt64(0, n), n, CancellationToken.None),
                    n => MerkleTree.InclusionRanges(n / 2, n).Sum(r => MerkleTree.Subtrees(r.Start, r.End).Count)),
                ("root of the whole tree", (c, n) => LedgerTreeStore.RootAsync(c, null, n, CancellationToken.None), n => MerkleTree.Subtrees(0, n).Count),
                ("consistency proof from a random older size", (c, n) => LedgerTreeStore.ConsistencyProofAsync(c, null, random.NextInt64(1, n), n, CancellationToken.None),
                    n => MerkleTree.ConsistencyRanges(n / 3, n).Sum(r => MerkleTree.Subtrees(r.Start, r.End).Count)),
            };
            foreach (var (name, call, rows) in what)
            {
                var times = sizes.Select(_ => new List<double>()).ToArray();
                for (var s = 0; s < sizes.Length; s++) await TimeAsync(200, () => call(connections[s], sizes[s]));
                for (var round = 0; round < Rounds; round++)
                {
                    for (var s = 0; s < sizes.Length; s++) times[s].AddRange(await TimeAsync(calls / Rounds, () => call(connections[s], sizes[s])));
                }

                for (var s = 0; s < sizes.Length; s++)
                {
                    var sorted = times[s].Order().ToArray();
                    Line(report, sizes[s], name, rows(sizes[s]), sorted);
                }
            }

            Console.WriteLine(report.ToString());
            var folder = Path.Combine(RepositoryRoot.Find(), "bench", "results");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"proofs-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(label.Length > 0 ? "-" + label : "")}.md");
            await File.WriteAllTextAsync(file, report.ToString());
            Console.WriteLine($"[proofs] written to {file}");
            return 0;
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
            foreach (var s in sources) await s.DisposeAsync();
            foreach (var d in databases) await d.DisposeAsync();
        }
    }

    private static async Task<double[]> TimeAsync(int calls, Func<Task> call)
    {
        var times = new double[calls];
        for (var c = 0; c < calls; c++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times[c] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return times;
    }

    private static void Line(StringBuilder report, long size, string what, int rows, double[] sorted)
    {
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        report.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {what} | {P(0.50):F0} | {P(0.95):F0} | {P(0.99):F0} | {sorted.Average():F0} | {rows} |");
    }
}
