namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// <c>GET /api/audit/export</c> gives a bundle that the offline <c>verify --bundle FILE --key KEY</c>
/// accepts with only the served verifier key; an edited bundle is refused (exit 1).
/// </summary>
public sealed class ExportBundleTests(AuditFixture audit)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exported_bundle_verifies_offline_with_the_served_key_and_an_edited_one_does_not()
    {
        var s = new Samples();
        var events = Enumerable.Range(0, 3).Select(i => s.Granted(Guid.NewGuid(), s.T0.AddMinutes(i))).ToArray();
        var last = (await audit.LedgerAsync(events)).Values.Max();
        using var auditor = audit.Auditor();
        using var anyone = audit.Host.CreateClient();
        // The export covers what the latest checkpoint covers: until one covers these entries it is
        // 400 (the range starts past it) or, before any checkpoint, 503; ask again until it does.
        AuditBundle? bundle = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await auditor.GetAsync(new Uri($"/api/audit/export?fromSequence={Math.Max(1, last - 10)}", UriKind.Relative), Ct);
            if (response.IsSuccessStatusCode)
            {
                bundle = (await response.Content.ReadFromJsonAsync<AuditBundle>(JsonSerializerOptions.Web, Ct))!;
                if (bundle.TreeSize >= last) break;
            }

            await Task.Delay(250, Ct);
        }

        Assert.True(bundle is not null && bundle.TreeSize >= last, $"no checkpoint covered sequence {last} within 30 s");

        var folder = Directory.CreateTempSubdirectory("cp-bundle-").FullName;
        var keyFile = Path.Combine(folder, "log.vkey");
        await File.WriteAllTextAsync(keyFile, await anyone.GetStringAsync(new Uri("/api/audit/checkpoint/key", UriKind.Relative), Ct), Ct);
        var bundleFile = Path.Combine(folder, "bundle.json");
        await File.WriteAllTextAsync(bundleFile, JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web), Ct);

        using var output = new StringWriter();
        Assert.Equal(0, await VerifyCommand.RunAsync(["verify", "--bundle", bundleFile, "--key", keyFile], output, TextWriter.Null));
        Assert.Contains("\"valid\":true", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(events[0].EventId.ToString(), string.Concat(bundle.Entries.Select(e => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Leaf)))), StringComparison.Ordinal);

        // Edit one of this test's own entries (the fixture is shared: the bundle's last entry may be another test's).
        var entries = bundle.Entries.ToList();
        var ids = events.Select(e => e.EventId.ToString()).ToList();
        var ours = entries.FindLastIndex(e => ids.Any(id => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Leaf)).Contains(id, StringComparison.Ordinal)));
        Assert.True(ours >= 0, "the bundle holds one of this test's events");
        var original = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(entries[ours].Leaf));
        var edited = original.Replace(s.Subject, "yc-someone-else", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        entries[ours] = entries[ours] with { Leaf = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(edited)) };
        await File.WriteAllTextAsync(bundleFile, JsonSerializer.Serialize(bundle with { Entries = entries }, JsonSerializerOptions.Web), Ct);
        using var refused = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(["verify", "--bundle", bundleFile, "--key", keyFile], refused, TextWriter.Null));
        Assert.Contains($"\"firstInvalidSequence\":{entries[ours].Sequence}", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/audit/export?fromSequence=0", "fromSequence")]
    [InlineData("/api/audit/export?fromSequence=5&toSequence=3", "toSequence")]
    [InlineData("/api/audit/export?fromSequence=1&toSequence=999999999", "toSequence")]
    public Task A_bad_range_is_a_validation_problem(string uri, string field) =>
        audit.AssertValidationProblemAsync(uri, field);
}
