// Issue 19: only the inclusion-proof cost at 1,000 and 250,000 entries (bench/README.md).
if (args.Contains("--proofs")) return await ConsentPlatform.Benchmarks.Ledger.ProofBench.RunAsync(args);

var options = BenchOptions.Parse(args);
return await BenchRun.RunAsync(options);
