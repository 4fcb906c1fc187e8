namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Tests that count the events of whole stores, or alter the ledger itself, run alone, after the
/// parallel ones: another class appending meanwhile would make "nothing appended" meaningless, and
/// a tampered ledger would fail anyone else's verification.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
