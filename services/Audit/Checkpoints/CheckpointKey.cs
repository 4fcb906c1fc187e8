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
    public static string KeyFileOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeyFileSetting];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var stateFolder = Path.GetDirectoryName(configuration["Auth:Local:KeyFile"] ?? ".state/keys/x") ?? ".";
        return Path.Combine(stateFolder, "audit-checkpoint-key");
    }

    public static NoteKey LoadOrCreate(string keyFile, string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        if (!File.Exists(keyFile)) TryCreate(keyFile, origin);
        var key = NoteKey.ParsePrivate(File.ReadAllText(keyFile));
        if (key.Type != NoteKey.Ed25519) throw new InvalidOperationException($"The checkpoint key in {keyFile} is not a note signing key (type 0x01).");
        return key;
    }

    private static void TryCreate(string keyFile, string origin)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var temp = $"{keyFile}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, NoteKey.Generate(origin).PrivateKeyString + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temp);
        }
    }
}
