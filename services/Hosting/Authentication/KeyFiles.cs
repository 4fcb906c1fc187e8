namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Where a service keeps a key it makes itself (in local mode: beside the local issuer's key, in
/// the git-ignored state folder), and how it makes one: written once, readable by its owner only.
/// The local issuer's key, the consent service's receipt key, the audit's checkpoint key and the
/// disclosure service's key ring.
/// </summary>
public static class KeyFiles
{
    /// <summary>The folder of the local issuer's key (<c>Auth:Local:KeyFile</c>; <c>.state/keys</c> by default).</summary>
    public static string StateFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetDirectoryName(configuration["Auth:Local:KeyFile"] ?? ".state/keys/x") ?? ".";
    }

    /// <summary>The file <paramref name="setting"/> names, else <paramref name="fileName"/> in the <see cref="StateFolder"/>.</summary>
    public static string PathOf(IConfiguration configuration, string setting, string fileName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[setting];
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(StateFolder(configuration), fileName) : configured;
    }

    /// <summary>The stored key in <paramref name="keyFile"/> (JSON), made by <paramref name="create"/> and written there first if no process has yet.</summary>
    /// <param name="what">The key's name in the error of an empty file.</param>
    public static T LoadOrCreate<T>(string keyFile, Func<T> create, string what)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        ArgumentNullException.ThrowIfNull(create);
        if (!File.Exists(keyFile)) CreateOnce(keyFile, JsonSerializer.Serialize(create()));
        return JsonSerializer.Deserialize<T>(File.ReadAllText(keyFile))
               ?? throw new InvalidOperationException($"The {what} file {keyFile} is empty.");
    }

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="keyFile"/> (mode 0600) unless another
    /// process has: written to a temporary file and moved into place, so that processes starting at
    /// once all end up with the first one's key.
    /// </summary>
    public static void CreateOnce(string keyFile, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var temp = $"{keyFile}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, contents);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
