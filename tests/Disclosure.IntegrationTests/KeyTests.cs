using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>Envelope encryption against the real database: rotation, re-wrapping, and crypto-shredding on purge.</summary>
public sealed class KeyTests(Platform platform)
{
    [Fact]
    public async Task Given_a_key_rotation_between_two_releases_When_read_and_after_rewrap_Then_both_packages_read()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        var before = await story.RequestAsync();
        var after = await story.RequestAsync();
        (await story.ReleaseAsync(before.Id, Data("before"))).Dispose();
        Assert.Equal("before", await ReadNoteAsync(story, before.Id));
        var oldKek = await KekIdAsync(before.Id);

        var (rotateExit, rotated) = await KeysAsync("rotate", "--key-file", platform.Disclosure.KeyRingFile);
        Assert.Equal(0, rotateExit);
        (await story.ReleaseAsync(after.Id, Data("after"))).Dispose();

        var newKek = await KekIdAsync(after.Id);
        Assert.NotEqual(oldKek, newKek);
        Assert.Contains(newKek!, rotated, StringComparison.Ordinal);
        Assert.Equal(oldKek, await KekIdAsync(before.Id));
        Assert.Equal("before", await ReadNoteAsync(story, before.Id));
        Assert.Equal("after", await ReadNoteAsync(story, after.Id));

        var (rewrapExit, report) = await KeysAsync("rewrap", "--key-file", platform.Disclosure.KeyRingFile, "--connection", platform.Disclosure.Database.ConnectionString);
        Assert.True(rewrapExit == 0, report);
        Assert.Contains("0 left under other keys", report, StringComparison.Ordinal);
        Assert.Equal(newKek, await KekIdAsync(before.Id));
        Assert.Equal(0L, await ScalarAsync("select count(*) from disclosure.mt_doc_packagedatakey where data->>'kekId' <> @k", ("k", newKek!)));
        Assert.Equal("before", await ReadNoteAsync(story, before.Id));
        Assert.Equal("after", await ReadNoteAsync(story, after.Id));
    }

    [Fact]
    public async Task A_package_sealed_with_the_old_static_key_still_reads_and_rewrap_gives_it_its_own_data_key()
    {
        var (story, disclosure) = await RequestedAsync(platform);
        (await story.ReleaseAsync(disclosure.Id, Data("old"))).Dispose();
        // Replace the package with what the pre-envelope service stored: the static key, no data key.
        var legacyKey = Convert.FromBase64String(platform.Disclosure.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Disclosure:PayloadKey"]!);
        var store = platform.Disclosure.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(LegacySeal(legacyKey, disclosure.Id, """{"caring.role":{"note":"old"}}"""));
            session.Delete<PackageDataKey>(disclosure.Id);
            await session.SaveChangesAsync(Cancel);
        }

        Assert.Equal("old", await ReadNoteAsync(story, disclosure.Id));
        Assert.Null(await KekIdAsync(disclosure.Id));

        // Without the old key the command cannot migrate it, and says so; with it (as the service has it), it does.
        var (refused, why) = await KeysAsync("rewrap", "--key-file", platform.Disclosure.KeyRingFile, "--connection", platform.Disclosure.Database.ConnectionString);
        Assert.Equal(2, refused);
        Assert.Contains("static key this service does not hold", why, StringComparison.Ordinal);
        var (exit, report) = await KeysAsync("rewrap", "--key-file", platform.Disclosure.KeyRingFile, "--connection", platform.Disclosure.Database.ConnectionString,
            "--Disclosure:PayloadKey", Convert.ToBase64String(legacyKey));
        Assert.True(exit == 0, report);
        Assert.Contains("migrated 1 legacy package(s)", report, StringComparison.Ordinal);
        Assert.NotNull(await KekIdAsync(disclosure.Id));
        Assert.Equal(SealedPackage.DataKeyMarker, await TextAsync("select data->>'keyId' from disclosure.mt_doc_sealedpackage where id = @id", ("id", disclosure.Id)));
        Assert.Equal("old", await ReadNoteAsync(story, disclosure.Id));
    }

    [Fact]
    public async Task Given_a_purged_package_Then_its_data_key_and_ciphertext_rows_are_gone_from_the_database()
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync(retentionDays: 1);
        var disclosure = await story.RequestAsync();
        (await story.ReleaseAsync(disclosure.Id, Data("shred me"))).Dispose();
        Assert.Equal(1L, await ScalarAsync("select count(*) from disclosure.mt_doc_packagedatakey where id = @id", ("id", disclosure.Id)));
        Assert.Equal(1L, await ScalarAsync("select count(*) from disclosure.mt_doc_sealedpackage where id = @id", ("id", disclosure.Id)));

        platform.Clock.Offset = TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        try
        {
            Assert.True(await platform.Disclosure.Services.GetRequiredService<PurgeSweeper>().SweepAsync(Cancel) >= 1);
        }
        finally
        {
            platform.Clock.Offset = TimeSpan.Zero;
        }

        await platform.Events.WaitForAsync<PackagePurged>(e => e.DisclosureId == disclosure.Id);
        Assert.Equal(0L, await ScalarAsync("select count(*) from disclosure.mt_doc_packagedatakey where id = @id", ("id", disclosure.Id)));
        Assert.Equal(0L, await ScalarAsync("select count(*) from disclosure.mt_doc_sealedpackage where id = @id", ("id", disclosure.Id)));
        using var read = await story.ReadPackageAsync(disclosure.Id);
        await ProblemAsync(read, HttpStatusCode.Gone);
    }

    private static Dictionary<string, object> Data(string note) => new() { ["caring.role"] = new { note } };

    private static async Task<string> ReadNoteAsync(Scenario story, Guid id)
    {
        using var read = await story.ReadPackageAsync(id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var package = await ReadAsync<JsonElement>(read);
        return package.GetProperty("data").GetProperty("caring.role").GetProperty("note").GetString()!;
    }

    private static async Task<(int Exit, string Output)> KeysAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await KeysCommand.RunAsync(["keys", .. args], output, error);
        return (exit, output + error.ToString());
    }

    private Task<string?> KekIdAsync(Guid id) => TextAsync("select data->>'kekId' from disclosure.mt_doc_packagedatakey where id = @id", ("id", id));

    private async Task<long> ScalarAsync(string sql, (string Name, object Value) parameter) =>
        Convert.ToInt64(await QueryAsync(sql, parameter), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string?> TextAsync(string sql, (string Name, object Value) parameter) => await QueryAsync(sql, parameter) as string;

    private async Task<object?> QueryAsync(string sql, (string Name, object Value) parameter)
    {
        await using var connection = new NpgsqlConnection(platform.Disclosure.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return await command.ExecuteScalarAsync(Cancel);
    }

    /// <summary>Exactly what the pre-envelope protector stored: the static key's fingerprint as key id.</summary>
    private static SealedPackage LegacySeal(byte[] key, Guid id, string json)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(json);
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var aes = new System.Security.Cryptography.AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, id.ToByteArray());
        return new SealedPackage(id, Envelope.LegacyFingerprint(key), nonce, ciphertext, tag, DateTimeOffset.UtcNow);
    }
}
