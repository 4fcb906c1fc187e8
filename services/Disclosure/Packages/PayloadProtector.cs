using System.Security.Cryptography;
using System.Text;

namespace ConsentPlatform.Disclosure.Packages;

/// <summary>
/// Encrypts released payloads with AES-256-GCM under a key from configuration:
/// <c>Disclosure:PayloadKey</c> (base64 of 32 bytes; required outside local mode). In local mode
/// without one, a key is generated once into <c>Disclosure:PayloadKeyFile</c> (default: beside
/// the local issuer's key in the git-ignored state folder), created atomically with mode 600.
/// The key never reaches the database, a log or an event.
/// </summary>
public sealed class PayloadProtector
{
    public const string KeySetting = "Disclosure:PayloadKey";
    public const string KeyFileSetting = "Disclosure:PayloadKeyFile";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key;

    public PayloadProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize) throw new InvalidOperationException($"{KeySetting} must be {KeySize} bytes (base64).");
        this.key = [.. key];
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..12];
    }

    /// <summary>A fingerprint of the key (not the key), stored with each package.</summary>
    public string KeyId { get; }

    public static PayloadProtector FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return new PayloadProtector(Convert.FromBase64String(configured));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{KeySetting} is not valid base64.");
            }
        }

        if (!string.Equals(configuration["Auth:Mode"], "Local", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{KeySetting} is not set: a 32-byte base64 key is required to encrypt released payloads.");
        }

        var file = configuration[KeyFileSetting]
                   ?? Path.Combine(Path.GetDirectoryName(configuration["Auth:Local:KeyFile"] ?? ".state/keys/x") ?? ".", "disclosure-payload-key");
        return new PayloadProtector(LoadOrCreateKeyFile(file));
    }

    public SealedPackage Seal(Guid disclosureId, string json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(json);
        var plaintext = Encoding.UTF8.GetBytes(json);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, disclosureId.ToByteArray());
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new SealedPackage(disclosureId, KeyId, nonce, ciphertext, tag, now);
    }

    public string Open(SealedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!string.Equals(package.KeyId, KeyId, StringComparison.Ordinal))
        {
            throw new CryptographicException("The package was sealed with another key.");
        }

        var plaintext = new byte[package.Ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(package.Nonce, package.Ciphertext, package.Tag, plaintext, package.Id.ToByteArray());
        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] LoadOrCreateKeyFile(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var fresh = RandomNumberGenerator.GetBytes(KeySize);
            var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(fresh));
            }

            try
            {
                // Atomic: a concurrent first start keeps whichever key landed first.
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
