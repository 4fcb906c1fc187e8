namespace ConsentPlatform.Disclosure.Keys;

/// <summary>
/// Production: the key-encryption keys are the versions of one Key Vault secret
/// (<c>Disclosure:Keys:VaultUri</c>, <c>Disclosure:Keys:SecretName</c>), each version's value the
/// base64 of 32 random bytes; the key id is <c>vault-</c> plus the secret version. Every enabled
/// version is a key of the ring, the newest (the secret's current version) is the current key;
/// rotating sets a new version. Signed in with <see cref="DefaultAzureCredential"/> (managed
/// identity in Azure); the identity needs secret get, list and, for <c>keys rotate</c>, set.
/// A thin adapter: it only fetches key material, wrapping stays in process (ADR 0006). No vault
/// is reachable from the test machines, so no test exercises it.
/// </summary>
public sealed class AzureKeyVaultKeyRing(SecretClient client, string secretName) : IKeyRingProvider
{
    public const string IdPrefix = "vault-";

    public static AzureKeyVaultKeyRing Create(Uri vaultUri, string secretName) =>
        new(new SecretClient(vaultUri, new DefaultAzureCredential()), secretName);

    public string Description => $"Key Vault secret {secretName} in {client.VaultUri}";

    public async Task<KeyRing> LoadAsync(CancellationToken cancellationToken)
    {
        KeyVaultSecret current;
        try
        {
            current = (await client.GetSecretAsync(secretName, version: null, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"The {Description} does not exist: create it with `keys rotate`.");
        }

        var keys = new List<KeyEncryptionKey> { ToKey(current) };
        await foreach (var version in client.GetPropertiesOfSecretVersionsAsync(secretName, cancellationToken))
        {
            if (version.Enabled != true || version.Version == current.Properties.Version) continue;
            keys.Add(ToKey((await client.GetSecretAsync(secretName, version.Version, cancellationToken)).Value));
        }

        return new KeyRing(keys, IdPrefix + current.Properties.Version);
    }

    public async Task<string> RotateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size);
        var secret = new KeyVaultSecret(secretName, Convert.ToBase64String(fresh));
        secret.Properties.ContentType = "application/vnd.consentplatform.kek+base64";
        var stored = (await client.SetSecretAsync(secret, cancellationToken)).Value;
        CryptographicOperations.ZeroMemory(fresh);
        return IdPrefix + stored.Properties.Version;
    }

    private KeyEncryptionKey ToKey(KeyVaultSecret secret)
    {
        try
        {
            return new KeyEncryptionKey(IdPrefix + secret.Properties.Version, Convert.FromBase64String(secret.Value), secret.Properties.CreatedOn ?? DateTimeOffset.MinValue);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Version {secret.Properties.Version} of the {Description} is not base64.");
        }
    }
}
