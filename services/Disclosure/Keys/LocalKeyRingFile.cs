namespace ConsentPlatform.Disclosure.Keys;

/// <summary>
/// The key ring as one JSON file (local mode and tests): <c>{"current": id, "keys": [{"id",
/// "createdAt", "key": base64}]}</c>. Created on first load with one key, and rewritten on
/// rotation, always through a temporary file of mode 600 moved into place, so that a reader never
/// sees half a file and a concurrent first start keeps whichever ring landed first.
/// </summary>
public sealed class LocalKeyRingFile(string path) : IKeyRingProvider
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Description => $"key ring file {Path}";

    public async Task<KeyRing> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            var first = NewKey(DateTimeOffset.UtcNow);
            await WriteAsync(new RingFile(first.Id, [Entry.Of(first)]), overwrite: false, cancellationToken);
        }

        return ToRing(await ReadAsync(cancellationToken));
    }

    public async Task<string> RotateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // One rotation at a time: the lock file is held open exclusively for the read-modify-write.
        var lockPath = Path + ".lock";
        await using var gate = await OpenLockAsync(lockPath, cancellationToken);
        var ring = await ReadAsync(cancellationToken);
        var fresh = NewKey(now);
        await WriteAsync(new RingFile(fresh.Id, [.. ring.Keys, Entry.Of(fresh)]), overwrite: true, cancellationToken);
        return fresh.Id;
    }

    private static KeyEncryptionKey NewKey(DateTimeOffset now) =>
        new($"local-{now.UtcDateTime:yyyyMMddTHHmmssZ}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}", RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size), now);

    private KeyRing ToRing(RingFile file)
    {
        try
        {
            return new KeyRing(file.Keys.Select(k => new KeyEncryptionKey(k.Id, Convert.FromBase64String(k.Key), k.CreatedAt)), file.Current);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The {Description} holds a key that is not base64.");
        }
    }

    private async Task<RingFile> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return await JsonSerializer.DeserializeAsync<RingFile>(stream, Json, cancellationToken)
                   ?? throw new InvalidOperationException($"The {Description} is empty.");
        }
        catch (JsonException)
        {
            // The parser's message may quote the file: say only that it is not a key ring.
            throw new InvalidOperationException($"The {Description} is not a key ring (JSON with current and keys).");
        }
    }

    private async Task WriteAsync(RingFile ring, bool overwrite, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, ring, Json, cancellationToken);
        }

        try
        {
            File.Move(temporary, Path, overwrite);
        }
        catch (IOException) when (!overwrite)
        {
            File.Delete(temporary);
        }
    }

    private static async Task<FileStream> OpenLockAsync(string lockPath, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private sealed record RingFile(string Current, IReadOnlyList<Entry> Keys);

    private sealed record Entry(string Id, DateTimeOffset CreatedAt, string Key)
    {
        public static Entry Of(KeyEncryptionKey key) => new(key.Id, key.CreatedAt, Convert.ToBase64String(key.Key));
    }
}
