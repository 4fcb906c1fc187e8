using System.Net;
using System.Text.Json;
using ConsentPlatform.Audit.Checkpoints;
using ConsentPlatform.Audit.IntegrationTests.Support;
using ConsentPlatform.Audit.Verifying;
using Xunit;

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
        await audit.PublishAsync(events);
        var last = (await audit.LedgeredAsync(events)).Values.Max();
        using var auditor = audit.Auditor();
        using var anyone = audit.Host.CreateClient();
        AuditBundle bundle;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            bundle = await audit.GetAsync<AuditBundle>(auditor, $"/api/audit/export?fromSequence={Math.Max(1, last - 10)}");
        }
        while (bundle.TreeSize < last && DateTime.UtcNow < deadline);

        var folder = Directory.CreateTempSubdirectory("cp-bundle-").FullName;
        var keyFile = Path.Combine(folder, "log.vkey");
        await File.WriteAllTextAsync(keyFile, await anyone.GetStringAsync(new Uri("/api/audit/checkpoint/key", UriKind.Relative), Ct), Ct);
        var bundleFile = Path.Combine(folder, "bundle.json");
        await File.WriteAllTextAsync(bundleFile, JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web), Ct);

        using var output = new StringWriter();
        Assert.Equal(0, await VerifyCommand.RunAsync(["verify", "--bundle", bundleFile, "--key", keyFile], output, TextWriter.Null));
        Assert.Contains("\"valid\":true", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(events[0].EventId.ToString(), string.Concat(bundle.Entries.Select(e => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Leaf)))), StringComparison.Ordinal);

        var entries = bundle.Entries.ToList();
        var edited = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(entries[^1].Leaf)).Replace(s.Subject, "yc-someone-else", StringComparison.Ordinal);
        entries[^1] = entries[^1] with { Leaf = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(edited)) };
        await File.WriteAllTextAsync(bundleFile, JsonSerializer.Serialize(bundle with { Entries = entries }, JsonSerializerOptions.Web), Ct);
        using var refused = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(["verify", "--bundle", bundleFile, "--key", keyFile], refused, TextWriter.Null));
        Assert.Contains($"\"firstInvalidSequence\":{entries[^1].Sequence}", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/audit/export?fromSequence=0", "fromSequence")]
    [InlineData("/api/audit/export?fromSequence=5&toSequence=3", "toSequence")]
    [InlineData("/api/audit/export?fromSequence=1&toSequence=999999999", "toSequence")]
    public async Task A_bad_range_is_a_validation_problem(string uri, string field)
    {
        using var auditor = audit.Auditor();
        using var response = await auditor.GetAsync(new Uri(uri, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
