namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>
/// A text's Flesch Reading Ease, from tests/Portal/ReadingEase/reading-ease.mjs run by node (npm's
/// flesch and syllable, installed by the test project's build): the score is an outside tool's,
/// not a formula of ours that our own pages could be tuned against.
/// </summary>
public sealed record ReadingEase(double Score, int Sentence, int Word, int Syllable, IReadOnlyList<string> Hardest)
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Find(), "tests", "Portal", "ReadingEase", "reading-ease.mjs");

    public static async Task<ReadingEase> ScoreAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = new ProcessStartInfo("node", [Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Script)!,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(text);
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(timeout.Token);
        if (node.ExitCode != 0) throw new InvalidOperationException($"reading-ease.mjs exited {node.ExitCode}: {await error}");
        return JsonSerializer.Deserialize<ReadingEase>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException("reading-ease.mjs printed nothing");
    }

    public override string ToString() =>
        $"score {Score:0.0} ({Sentence} sentences, {Word} words, {Syllable} syllables; words of 3+ syllables: {string.Join(", ", Hardest)})";
}
