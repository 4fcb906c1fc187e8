namespace ConsentPlatform.Disclosure.Keys;

/// <summary>
/// Reads which key provider holds the key-encryption keys, and the pre-envelope static payload
/// key if one is still configured, from the same settings the service and <c>keys</c> commands use.
/// </summary>
public static class KeyRingSettings
{
    public const string ProviderSetting = "Disclosure:Keys:Provider";
    public const string FileSetting = "Disclosure:Keys:File";
    public const string VaultUriSetting = "Disclosure:Keys:VaultUri";
    public const string SecretNameSetting = "Disclosure:Keys:SecretName";
    public const string RefreshIntervalSetting = "Disclosure:Keys:RefreshInterval";

    /// <summary>The static key of before envelopes (base64, 32 bytes): read only, as KEK <c>legacy</c>.</summary>
    public const string LegacyKeySetting = "Disclosure:PayloadKey";
    public const string LegacyKeyFileSetting = "Disclosure:PayloadKeyFile";

    public static IKeyRingProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderSetting] ?? "LocalFile";
        if (string.Equals(provider, "LocalFile", StringComparison.OrdinalIgnoreCase))
        {
            var file = configuration[FileSetting];
            if (string.IsNullOrWhiteSpace(file))
            {
                if (!IsLocalMode(configuration)) throw new InvalidOperationException($"{FileSetting} is not set: outside local mode the key ring file must be named (or {ProviderSetting}=AzureKeyVault).");
                file = Path.Combine(KeyFiles.StateFolder(configuration), "disclosure-keys.json");
            }

            return new LocalKeyRingFile(file);
        }

        if (string.Equals(provider, "AzureKeyVault", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(configuration[VaultUriSetting], UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException($"{VaultUriSetting} must be the vault's https URI.");
            }

            var secret = configuration[SecretNameSetting];
            if (string.IsNullOrWhiteSpace(secret)) throw new InvalidOperationException($"{SecretNameSetting} is not set.");
            return AzureKeyVaultKeyRing.Create(vault, secret);
        }

        throw new InvalidOperationException($"{ProviderSetting} must be LocalFile or AzureKeyVault.");
    }

    /// <summary>
    /// The old static key, from <see cref="LegacyKeySetting"/> or the key file local mode used to
    /// generate (read if it is there, never created any more); null when neither exists.
    /// </summary>
    public static byte[]? LegacyKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[LegacyKeySetting];
        string? text = configured;
        if (string.IsNullOrWhiteSpace(text))
        {
            var file = configuration[LegacyKeyFileSetting] ?? (IsLocalMode(configuration) ? Path.Combine(KeyFiles.StateFolder(configuration), "disclosure-payload-key") : null);
            if (file is null || !File.Exists(file)) return null;
            text = File.ReadAllText(file).Trim();
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{LegacyKeySetting} is not valid base64.");
        }

        if (key.Length != KeyEncryptionKey.Size) throw new InvalidOperationException($"{LegacyKeySetting} must be {KeyEncryptionKey.Size} bytes (base64).");
        return key;
    }

    public static TimeSpan RefreshInterval(IConfiguration configuration) =>
        configuration.GetValue(RefreshIntervalSetting, TimeSpan.FromMinutes(1));

    private static bool IsLocalMode(IConfiguration configuration) =>
        string.Equals(configuration["Auth:Mode"], "Local", StringComparison.OrdinalIgnoreCase);
}
