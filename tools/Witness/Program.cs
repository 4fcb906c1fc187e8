// dotnet ConsentPlatform.Witness.dll --log URL --log-key VKEY --key FILE --state DIR [--name NAME]
//        [--token TOKEN] [--poll SECONDS]      (see README.md; exit codes as WitnessOutcome)
string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

var logUrl = Option("--log");
var logKeyText = Option("--log-key");
var keyFile = Option("--key");
var state = Option("--state");
if (logUrl is null || logKeyText is null || keyFile is null || state is null)
{
    Console.Error.WriteLine("usage: ConsentPlatform.Witness --log <URL> --log-key <verifier key | @file> --key <witness key file> --state <folder> [--name <witness name>] [--token <bearer token> | env WITNESS_TOKEN] [--poll <seconds>]");
    return (int)WitnessOutcome.Unavailable;
}

NoteKey logKey, witnessKey;
try
{
    logKey = NoteKey.ParseVerifier(logKeyText.StartsWith('@') ? File.ReadAllText(logKeyText[1..]) : logKeyText);
    witnessKey = WitnessKey.LoadOrCreate(keyFile, Option("--name"));
}
catch (Exception e) when (e is FormatException or IOException or ArgumentException)
{
    Console.Error.WriteLine($"witness: {e.Message}");
    return (int)WitnessOutcome.Unavailable;
}

Console.WriteLine($"witness: {witnessKey.VerifierKey} (give this to the log as Audit:Witnesses)");
var token = Option("--token") ?? Environment.GetEnvironmentVariable("WITNESS_TOKEN");
using var http = new HttpClient { BaseAddress = new Uri(logUrl), Timeout = TimeSpan.FromSeconds(30) };
if (!string.IsNullOrEmpty(token)) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
var witness = new LogWitness(http, logKey, witnessKey, state, Console.Out, TimeProvider.System);
var poll = double.TryParse(Option("--poll"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

while (true)
{
    var outcome = await witness.RunOnceAsync(submit: !string.IsNullOrEmpty(token), CancellationToken.None);
    // A rewrite or a bad signature stops the witness whatever the mode: someone must look.
    if (poll is null || outcome is WitnessOutcome.NotAnExtension or WitnessOutcome.BadSignature) return (int)outcome;
    await Task.Delay(poll.Value);
}
