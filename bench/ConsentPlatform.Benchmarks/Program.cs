using ConsentPlatform.Benchmarks;

var options = BenchOptions.Parse(args);
return await BenchRun.RunAsync(options);
