using System.Text.Json;
using ConsentPlatform.Audit.IntegrationTests.Support;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Rules;
using Xunit;
using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary><c>GET /api/audit/stats</c>: counts by purpose, org and reason, any count below 5 shown as "&lt;5", no subject ids.</summary>
public sealed class StatsTests(AuditFixture audit)
{
    [Fact]
    public async Task Counts_of_five_or_more_are_shown_and_smaller_ones_suppressed_without_subject_ids()
    {
        var s = new Samples();
        var t = s.T0;
        var events = new List<IPlatformEvent>();
        for (var i = 0; i < 6; i++)
        {
            var story = new DisclosureStory(s);
            events.Add(story.Requested(t.AddMinutes(i)));
            events.Add(story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(i))));
        }

        for (var i = 0; i < 2; i++)
        {
            var story = new DisclosureStory(s);
            events.Add(story.Requested(t.AddMinutes(10 + i)));
            events.Add(story.Denied(Decision(ShareOutcome.Denied, t.AddMinutes(10 + i), reasons: ReasonCode.ConsentMissing)));
        }

        await audit.PublishAsync([.. events]);
        await audit.LedgeredAsync([.. events]);
        using var client = audit.Auditor();
        var from = Uri.EscapeDataString(t.ToString("O"));
        var to = Uri.EscapeDataString(t.AddHours(1).ToString("O"));

        var text = await audit.GetAsync<JsonElement>(client, $"/api/audit/stats?from={from}&to={to}");

        var total = text.GetProperty("total");
        Assert.Equal(8, total.GetProperty("requests").GetInt32());
        Assert.Equal(6, total.GetProperty("approvals").GetInt32());
        Assert.Equal("<5", total.GetProperty("denials").GetString());
        Assert.Equal("<5", total.GetProperty("overrides").GetString());
        Assert.Equal("<5", text.GetProperty("denialsByReason").GetProperty("consent-missing").GetString());
        Assert.Equal(8, text.GetProperty("byPurpose").GetProperty(s.Purpose).GetProperty("requests").GetInt32());
        Assert.Equal(6, text.GetProperty("byOrg").GetProperty(s.School).GetProperty("approvals").GetInt32());
        Assert.DoesNotContain(s.Subject, text.GetRawText(), StringComparison.Ordinal);
    }
}
