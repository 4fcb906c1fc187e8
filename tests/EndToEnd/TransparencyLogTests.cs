namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 19's independent check: a tiny Go program (tests/EndToEnd/GoVerifier), built against
/// Debian's <c>golang.org/x/mod/sumdb/note</c> and <c>tlog</c> and none of our code, checks the
/// running platform through the gateway: the checkpoint opens with <c>note.Open</c> and the served
/// key, its root is <c>tlog.TreeHash</c> over every entry's leaf bytes, inclusion proofs pass
/// <c>tlog.CheckRecord</c>, and the proof from an older checkpoint passes <c>tlog.CheckTree</c>.
/// Needs <c>go</c> and <c>golang-golang-x-mod-dev</c>, which <c>infra/test --all</c> installs when missing.
/// </summary>
public sealed class TransparencyLogTests(PlatformProcesses platform)
{
    private const string GoPath = "/usr/share/gocode";

    [Fact]
    public async Task Go_note_and_tlog_verify_the_checkpoint_the_inclusion_proofs_and_the_consistency_of_two_checkpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = new Scenario(platform);
        await scenario.ActiveDsaAsync();
        await scenario.ConsentAsync(Scenario.NewSubject());
        using var anyone = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        var older = await CheckpointAsync(anyone, atLeast: 1, ct);
        var olderFile = Path.Combine(Directory.CreateTempSubdirectory("cp-goverifier-").FullName, "older-checkpoint");
        await File.WriteAllTextAsync(olderFile, older.Note, ct);

        await scenario.ConsentAsync(Scenario.NewSubject());
        var latest = await CheckpointAsync(anyone, atLeast: older.Size + 1, ct);
        var verifier = await BuildAsync(ct);
        using var auditor = await platform.ClientAsAsync("Auditor");
        var sequences = new[] { 1L, older.Size, (older.Size + 1) / 2, latest.Size }.Distinct().ToArray();

        var (exit, output) = await RunAsync(verifier, [platform.Gateway.BaseAddress!.ToString(), auditor.DefaultRequestHeaders.Authorization!.Parameter!, olderFile, .. sequences.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct);

        Assert.True(exit == 0, output);
        Assert.Contains("ok note.Open checkpoint consentplatform.local/audit ", output, StringComparison.Ordinal);
        Assert.Contains("ok tlog.TreeHash ", output, StringComparison.Ordinal);
        Assert.Equal(sequences.Length, output.Split('\n').Count(l => l.StartsWith("ok tlog.CheckRecord ", StringComparison.Ordinal)));
        Assert.Contains($"ok tlog.CheckTree {older.Size} -> ", output, StringComparison.Ordinal);
    }

    private static async Task<(string Note, long Size)> CheckpointAsync(HttpClient anyone, long atLeast, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var note = await anyone.GetStringAsync(new Uri("/api/audit/checkpoint", UriKind.Relative), ct);
            var size = long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (size >= atLeast) return (note, size);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no checkpoint of {atLeast} entries in time (latest {size})");
            await Task.Delay(250, ct);
        }
    }

    /// <summary>Builds the verifier in GOPATH mode against Debian's packaged x/mod, into a fresh folder.</summary>
    private static async Task<string> BuildAsync(CancellationToken ct)
    {
        Assert.True(File.Exists("/usr/bin/go"), "go is not installed: infra/test --all installs golang-go");
        Assert.True(Directory.Exists(Path.Combine(GoPath, "src/golang.org/x/mod/sumdb/tlog")), "golang.org/x/mod is not installed: infra/test --all installs golang-golang-x-mod-dev");
        var folder = Directory.CreateTempSubdirectory("cp-goverifier-build-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Find(), "tests/EndToEnd/GoVerifier/main.go"), Path.Combine(folder, "main.go"));
        var output = Path.Combine(folder, "goverifier");
        var (exit, log) = await RunAsync("/usr/bin/go", ["build", "-o", output, "main.go"], ct, folder, new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = GoPath,
            ["GOCACHE"] = Path.Combine(folder, "cache"),
            ["GOFLAGS"] = string.Empty,
        });
        Assert.True(exit == 0, "go build failed: " + log);
        return output;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
