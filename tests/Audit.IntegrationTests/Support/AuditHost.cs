namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>
/// The audit service as the suite runs it: a checkpoint key file of its own (created by the
/// service at start, as in local mode), checkpoints signed every 0.2 s, and one configured witness.
/// </summary>
public sealed class AuditHost() : ServiceHost<AuditEntryPoint>("audit")
{
    public const string Origin = "audit.test/ledger";

    public string CheckpointKeyFile { get; } = Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"audit-checkpoint-{Guid.NewGuid():N}");

    /// <summary>The witness the service accepts cosignatures from (its private key, held by the test).</summary>
    public NoteKey Witness { get; } = NoteKey.Generate("witness.test/w1", NoteKey.CosignatureV1);

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting(CheckpointKey.KeyFileSetting, CheckpointKeyFile);
        builder.UseSetting(CheckpointKey.OriginSetting, Origin);
        builder.UseSetting("Audit:CheckpointIntervalSeconds", "0.2");
        builder.UseSetting("Audit:Witnesses:0", Witness.VerifierKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(CheckpointKeyFile);
    }
}
