namespace ConsentPlatform.Disclosure.Tests;

public sealed class EnvelopeTests
{
    private const string Json = """{"caring.role":{"note":"cares for mum every evening"}}""";

    private static KeyEncryptionKey Kek(string id) => new(id, RandomNumberGenerator.GetBytes(32), Scenario.Now);

    private static KeyRing Ring(params KeyEncryptionKey[] keys) => new(keys, keys[^1].Id);

    [Fact]
    public void A_sealed_payload_opens_to_the_same_json_and_neither_document_contains_it_or_a_key()
    {
        var kek = Kek("k1");
        var ring = Ring(kek);

        var (package, dataKey) = Envelope.Seal(ring, Scenario.Id, Json, Scenario.Now);

        Assert.Equal(Json, Envelope.Open(ring, package, dataKey));
        Assert.Equal(SealedPackage.DataKeyMarker, package.KeyId);
        Assert.Equal("k1", dataKey.KekId);
        Assert.Equal(Scenario.Id, dataKey.Id);
        Assert.DoesNotContain("cares for mum", Encoding.UTF8.GetString(package.Ciphertext), StringComparison.Ordinal);
        Assert.False(dataKey.WrappedKey.AsSpan().SequenceEqual(kek.Key));
    }

    [Fact]
    public void Every_package_gets_its_own_data_key()
    {
        var ring = Ring(Kek("k1"));

        var (_, first) = Envelope.Seal(ring, Scenario.Id, Json, Scenario.Now);
        var (_, second) = Envelope.Seal(ring, Scenario.Id, Json, Scenario.Now);

        Assert.False(first.WrappedKey.AsSpan().SequenceEqual(second.WrappedKey));
    }

    [Fact]
    public void A_data_key_wrapped_under_a_kek_the_ring_does_not_hold_does_not_open()
    {
        var (package, dataKey) = Envelope.Seal(Ring(Kek("k1")), Scenario.Id, Json, Scenario.Now);

        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(Ring(Kek("k2")), package, dataKey));
        // Same id, other key material: the wrapped key's tag fails.
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(Ring(Kek("k1")), package, dataKey));
    }

    [Fact]
    public void A_tampered_ciphertext_wrapped_key_or_relabelled_kek_id_does_not_open()
    {
        var ring = Ring(Kek("k1"), Kek("k2"));
        var (package, dataKey) = Envelope.Seal(ring, Scenario.Id, Json, Scenario.Now);
        var ciphertext = package.Ciphertext.ToArray();
        ciphertext[0] ^= 1;
        var wrapped = dataKey.WrappedKey.ToArray();
        wrapped[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(ring, package with { Ciphertext = ciphertext }, dataKey));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(ring, package, dataKey with { WrappedKey = wrapped }));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(ring, package, dataKey with { KekId = "k1" }));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(ring, package with { Id = Guid.NewGuid() }, dataKey with { Id = Guid.NewGuid() }));
    }

    [Fact]
    public void Given_the_data_key_destroyed_When_opened_Then_no_kek_in_the_ring_opens_the_ciphertext()
    {
        var legacy = RandomNumberGenerator.GetBytes(32);
        var ring = Ring(Kek("k1"), Kek("k2")).WithLegacy(legacy);
        var (package, _) = Envelope.Seal(ring, Scenario.Id, Json, Scenario.Now);

        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(ring, package, dataKey: null));
        Assert.Equal(3, ring.Keys.Count);
        foreach (var kek in ring.Keys)
        {
            // Tried directly as the payload key, as someone holding every key the platform holds would.
            using var aes = new AesGcm(kek.Key, 16);
            var plaintext = new byte[package.Ciphertext.Length];
            Assert.ThrowsAny<CryptographicException>(() => aes.Decrypt(package.Nonce, package.Ciphertext, package.Tag, plaintext, package.Id.ToByteArray()));
        }
    }

    [Fact]
    public void Given_a_rotation_When_opened_Then_packages_sealed_before_and_after_both_read()
    {
        var old = Kek("k1");
        var before = Envelope.Seal(Ring(old), Scenario.Id, Json, Scenario.Now);
        var rotated = Ring(old, Kek("k2"));
        var after = Envelope.Seal(rotated, Guid.NewGuid(), """{"b":2}""", Scenario.Now);

        Assert.Equal("k2", after.DataKey.KekId);
        Assert.Equal(Json, Envelope.Open(rotated, before.Package, before.DataKey));
        Assert.Equal("""{"b":2}""", Envelope.Open(rotated, after.Package, after.DataKey));
    }

    [Fact]
    public void Rewrap_moves_the_data_key_to_the_current_kek_and_keeps_the_payload()
    {
        var old = Kek("k1");
        var (package, dataKey) = Envelope.Seal(Ring(old), Scenario.Id, Json, Scenario.Now);
        var rotated = Ring(old, Kek("k2"));

        var rewrapped = Envelope.Rewrap(rotated, dataKey, Scenario.Now);

        Assert.Equal("k2", rewrapped.KekId);
        Assert.Equal(Json, Envelope.Open(Ring(rotated.Find("k2")!), package, rewrapped));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(Ring(old), package, rewrapped));
    }

    [Fact]
    public void A_package_sealed_with_the_old_static_key_reads_through_the_legacy_kek_and_migrates_to_its_own_data_key()
    {
        var staticKey = RandomNumberGenerator.GetBytes(32);
        var legacy = LegacySeal(staticKey, Scenario.Id, Json);
        var ring = Ring(Kek("k1")).WithLegacy(staticKey);

        Assert.Equal(Json, Envelope.Open(ring, legacy, dataKey: null));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(Ring(Kek("k1")), legacy, dataKey: null));

        var (migrated, dataKey) = Envelope.Migrate(ring, legacy, Scenario.Now);
        Assert.False(migrated.IsLegacy);
        Assert.Equal("k1", dataKey.KekId);
        Assert.Equal(Json, Envelope.Open(Ring(ring.Find("k1")!), migrated, dataKey));
    }

    [Fact]
    public void A_ring_refuses_short_keys_duplicates_a_missing_current_and_legacy_as_current()
    {
        Assert.Throws<InvalidOperationException>(() => new KeyRing([new KeyEncryptionKey("k", new byte[16], Scenario.Now)], "k"));
        Assert.Throws<InvalidOperationException>(() => new KeyRing([Kek("k"), Kek("k")], "k"));
        Assert.Throws<InvalidOperationException>(() => new KeyRing([Kek("k")], "other"));
        Assert.Throws<InvalidOperationException>(() => new KeyRing([Kek(KeyRing.LegacyId)], KeyRing.LegacyId));
    }

    [Fact]
    public async Task The_local_key_ring_file_is_created_once_with_mode_600_and_rotation_keeps_old_keys()
    {
        var folder = Directory.CreateTempSubdirectory("disclosure-keys-").FullName;
        try
        {
            var file = new LocalKeyRingFile(Path.Combine(folder, "ring.json"));
            var first = await file.LoadAsync(TestContext.Current.CancellationToken);
            Assert.Equal(first.CurrentId, (await file.LoadAsync(TestContext.Current.CancellationToken)).CurrentId);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));

            var rotated = await file.RotateAsync(Scenario.Now, TestContext.Current.CancellationToken);
            var ring = await file.LoadAsync(TestContext.Current.CancellationToken);

            Assert.Equal(rotated, ring.CurrentId);
            Assert.NotEqual(first.CurrentId, rotated);
            Assert.True(ring.Find(first.CurrentId)!.Key.AsSpan().SequenceEqual(first.Current.Key));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Exactly what the pre-envelope protector stored.</summary>
    private static SealedPackage LegacySeal(byte[] key, Guid id, string json)
    {
        var plaintext = Encoding.UTF8.GetBytes(json);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, id.ToByteArray());
        return new SealedPackage(id, Envelope.LegacyFingerprint(key), nonce, ciphertext, tag, Scenario.Now);
    }
}
