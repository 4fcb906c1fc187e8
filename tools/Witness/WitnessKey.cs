namespace ConsentPlatform.Witness;

/// <summary>
/// The witness's own Ed25519 key (C2SP tlog-cosignature/v1, key type 0x04), kept in a file as
/// <c>PRIVATE+KEY+name+hash+base64(0x04 ‖ seed)</c>, created on first run (mode 0600) with the given name.
/// </summary>
public static class WitnessKey
{
    public static NoteKey LoadOrCreate(string keyFile, string? name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        if (!File.Exists(keyFile))
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"{keyFile} does not exist: give --name to create the witness's key.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            var temp = $"{keyFile}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, NoteKey.Generate(name, NoteKey.CosignatureV1).PrivateKeyString + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, keyFile, overwrite: false);
        }

        var key = NoteKey.ParsePrivate(File.ReadAllText(keyFile));
        if (key.Type != NoteKey.CosignatureV1) throw new FormatException($"{keyFile} is not a cosignature key (type 0x04).");
        return key;
    }
}
