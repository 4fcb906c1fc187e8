namespace ConsentPlatform.Audit.Checkpoints;

/// <summary>
/// The log's checkpoint-signing key, Ed25519, kept in the file <c>Audit:CheckpointKeyFile</c> as
/// Go's <c>note.NewSigner</c> reads it (<c>PRIVATE+KEY+origin+hash+base64</c>), created there at
/// first start with the name <c>Audit:CheckpointOrigin</c> (mode 0600; written to a temporary file
/// and moved into place, so that processes starting at once all end up with the first one's key),
/// the way the local issuer and the receipt key are kept. The key's name is the log's origin.
/// </summary>
public static class CheckpointKey
{
    public const string KeyFileSetting = "Audit:CheckpointKeyFile";
    public const string OriginSetting = "Audit:CheckpointOrigin";
    public const string DefaultOrigin = "consentplatform.local/audit";

    /// <summary>Where the key file is: <c>Audit:CheckpointKeyFile</c>, else beside the local issuer's key in the git-ignored state folder.</summary>
    public static string KeyFileOf(IConfiguration configuration) => KeyFiles.PathOf(configuration, KeyFileSetting, "audit-checkpoint-key");

    public static NoteKey LoadOrCreate(string keyFile, string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        if (!File.Exists(keyFile)) KeyFiles.CreateOnce(keyFile, NoteKey.Generate(origin).PrivateKeyString + "\n");
        var key = NoteKey.ParsePrivate(File.ReadAllText(keyFile));
        if (key.Type != NoteKey.Ed25519) throw new InvalidOperationException($"The checkpoint key in {keyFile} is not a note signing key (type 0x01).");
        return key;
    }
}
