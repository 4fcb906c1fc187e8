namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// A private key kept in a JSON file and created there at first start: written to a temporary file
/// only its owner may read (mode 0600), then moved into place, so that several processes starting
/// at once all end up with the first one's key. The local issuer's key and the consent service's
/// receipt key.
/// </summary>
public static class KeyFiles
{
    /// <summary>The stored key in <paramref name="keyFile"/>, made by <paramref name="create"/> and written there first if no process has yet.</summary>
    /// <param name="what">The key's name in the error of an empty file.</param>
    public static T LoadOrCreate<T>(string keyFile, Func<T> create, string what)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        ArgumentNullException.ThrowIfNull(create);
        if (!File.Exists(keyFile)) TryCreate(keyFile, create());
        return JsonSerializer.Deserialize<T>(File.ReadAllText(keyFile))
               ?? throw new InvalidOperationException($"The {what} file {keyFile} is empty.");
    }

    private static void TryCreate<T>(string keyFile, T stored)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var temp = $"{keyFile}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(stored));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Several processes may start at once: the first move wins, the others read its key.
            File.Move(temp, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temp);
        }
    }
}
