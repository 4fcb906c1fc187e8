extern alias WitnessTool;

using LogWitness = WitnessTool::ConsentPlatform.Witness.LogWitness;
using WitnessKey = WitnessTool::ConsentPlatform.Audit.Checkpoints.NoteKey;
using WitnessOutcome = WitnessTool::ConsentPlatform.Witness.WitnessOutcome;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// The witness (tools/Witness, issue 19 part 5) against the real audit service: it keeps and
/// cosigns checkpoints that extend what it saw, the service keeps and serves its cosignature, and
/// after the rewrite attack (an entry edited as superuser, chain and tree recomputed, the kept
/// checkpoints deleted, so that the service signs the forged tree afresh) it reports the log is not
/// an extension of what it saw, printing both checkpoints.
/// </summary>
public sealed class WitnessTests(AuditFixture audit)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string StateFolder() => Directory.CreateTempSubdirectory("cp-witness-").FullName;

    private static LogWitness Witness(HttpClient log, AuditHost host, string state, TextWriter output) =>
        new(log, WitnessKey.ParseVerifier(LogKey(host).VerifierKey), WitnessKey.ParsePrivate(host.Witness.PrivateKeyString), state, output, TimeProvider.System);

    private static NoteKey LogKey(AuditHost host) => host.Services.GetRequiredService<NoteKey>();

    private static async Task<long> CheckpointSizeAsync(AuditHost host, long atLeast)
    {
        using var anyone = host.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var note = await anyone.GetStringAsync(new Uri("/api/audit/checkpoint", UriKind.Relative), Ct);
            var size = Checkpoint.Parse(SignedNote.Parse(note)!.Value.Text)!.Size;
            if (size >= atLeast) return size;
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of {atLeast} entries in time");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task AppendAsync(AuditHost host, int count)
    {
        var writer = host.Services.GetRequiredService<LedgerWriter>();
        for (var i = 0; i < count; i++)
        {
            using var data = JsonDocument.Parse($$"""{"n":{{i}},"purpose":"school-support"}""");
            await writer.AppendAsync(new IncomingEvent(Guid.NewGuid(), "ConsentGranted", "consent", $"yc-w{i}", DateTimeOffset.UtcNow, data.RootElement.Clone()), Ct);
        }
    }

    [Fact]
    public async Task A_witness_keeps_and_cosigns_each_checkpoint_that_extends_the_last_and_the_log_serves_its_cosignature()
    {
        var s = new Samples();
        var first0 = s.Granted(Guid.NewGuid(), s.T0);
        await audit.PublishAsync(first0);
        // The witness's first run needs a checkpoint that covers something: wait for one (a fresh fixture has none yet).
        await CheckpointSizeAsync(audit.Host, (await audit.LedgeredAsync(first0))[first0.EventId]);
        var state = StateFolder();
        using var output = new StringWriter();
        using var log = audit.Auditor();
        var witness = Witness(log, audit.Host, state, output);

        Assert.Equal(WitnessOutcome.Consistent, await witness.RunOnceAsync(submit: true, Ct));
        var first = Checkpoint.Parse(SignedNote.Parse(await File.ReadAllTextAsync(witness.KeptCheckpointFile, Ct))!.Value.Text)!;

        var granted = s.Granted(Guid.NewGuid(), s.T0.AddMinutes(1));
        var sequence = (await audit.LedgerAsync(granted))[granted.EventId];
        await CheckpointSizeAsync(audit.Host, Math.Max(sequence, first.Size + 1));
        Assert.Equal(WitnessOutcome.Consistent, await witness.RunOnceAsync(submit: true, Ct));

        var cosigned = SignedNote.Parse(await File.ReadAllTextAsync(witness.CosignedFile, Ct))!.Value;
        var second = Checkpoint.Parse(cosigned.Text)!;
        Assert.True(second.Size > first.Size);
        Assert.Contains($"extends {first.Size}; cosigned", output.ToString(), StringComparison.Ordinal);
        Assert.NotNull(Cosignature.Verify(NoteKey.ParseVerifier(audit.Host.Witness.VerifierKey), second.Body, cosigned.Signatures[^1]));
        // Accepted by the log, kept beside the checkpoint of that size.
        await using var connection = await audit.Database.OpenAsync(Ct);
        Assert.Equal(cosigned.Signatures[^1].Line, Assert.Single(await CheckpointStore.CosignatureLinesAsync(connection, second.Size, Ct)));
        Assert.Contains("cosignature accepted by the log", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_rewrite_attack_the_witness_reports_a_log_that_is_not_an_extension_and_prints_both_checkpoints()
    {
        await using var host = new AuditHost();
        await host.InitializeAsync();
        await AppendAsync(host, 6);
        await CheckpointSizeAsync(host, 6);
        var state = StateFolder();
        using var output = new StringWriter();
        using var log = host.ClientFor(PlatformRoles.Auditor);
        var witness = Witness(log, host, state, output);
        Assert.Equal(WitnessOutcome.Consistent, await witness.RunOnceAsync(submit: false, Ct));
        var keptBefore = await File.ReadAllTextAsync(witness.KeptCheckpointFile, Ct);

        await using (var superuser = NpgsqlDataSource.Create(host.Database.ConnectionString))
        {
            await LedgerRewrite.RewriteEntryAsync(superuser, 3, dropCheckpoints: true);
        }

        await AppendAsync(host, 2);
        // With its history gone, the service signs the forged tree afresh (it cannot know better).
        await CheckpointSizeAsync(host, 8);

        Assert.Equal(WitnessOutcome.NotAnExtension, await witness.RunOnceAsync(submit: false, Ct));
        var printed = output.ToString();
        Assert.Contains("NOT AN EXTENSION", printed, StringComparison.Ordinal);
        Assert.Contains(keptBefore, printed, StringComparison.Ordinal);
        Assert.Contains($"{AuditHost.Origin}\n8\n", printed, StringComparison.Ordinal);
        // What the witness keeps is still the honest checkpoint.
        Assert.Equal(keptBefore, await File.ReadAllTextAsync(witness.KeptCheckpointFile, Ct));
    }

    [Fact]
    public async Task A_checkpoint_not_signed_by_the_logs_key_is_refused_and_nothing_is_kept()
    {
        var state = StateFolder();
        using var output = new StringWriter();
        using var log = audit.Auditor();
        var stranger = WitnessKey.ParseVerifier(NoteKey.Generate(AuditHost.Origin).VerifierKey);
        var witness = new LogWitness(log, stranger, WitnessKey.ParsePrivate(audit.Host.Witness.PrivateKeyString), state, output, TimeProvider.System);

        Assert.Equal(WitnessOutcome.BadSignature, await witness.RunOnceAsync(submit: false, Ct));
        Assert.False(File.Exists(witness.KeptCheckpointFile));
    }
}
