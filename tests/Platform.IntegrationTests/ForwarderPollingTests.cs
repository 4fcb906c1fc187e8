using ConsentPlatform.Hosting.Persistence;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Configuration;

namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>How often the async daemon looks for new events to forward: Marten's defaults, the settings that change them, and what is refused.</summary>
public sealed class ForwarderPollingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Given_no_settings_When_applied_Then_50_ms_while_busy_and_200_ms_when_quiet()
    {
        var daemon = new DaemonSettings { FastPollingTime = TimeSpan.FromSeconds(7), SlowPollingTime = TimeSpan.FromSeconds(9) };

        ForwarderPolling.Apply(daemon, Settings());

        Assert.Equal(TimeSpan.FromMilliseconds(50), daemon.FastPollingTime);
        Assert.Equal(TimeSpan.FromMilliseconds(200), daemon.SlowPollingTime);
    }

    [Fact]
    public void Given_both_settings_When_applied_Then_the_daemon_uses_them()
    {
        var daemon = new DaemonSettings();

        ForwarderPolling.Apply(daemon, Settings((ForwarderPolling.FastSetting, "250"), (ForwarderPolling.SlowSetting, "1000")));

        Assert.Equal(TimeSpan.FromMilliseconds(250), daemon.FastPollingTime);
        Assert.Equal(TimeSpan.FromSeconds(1), daemon.SlowPollingTime);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("10001")]
    [InlineData("0.5")]
    [InlineData("soon")]
    public void Given_a_value_out_of_range_or_unreadable_When_applied_Then_the_start_stops_and_says_why(string value)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => ForwarderPolling.Apply(new DaemonSettings(), Settings((ForwarderPolling.SlowSetting, value))));

        Assert.Contains(ForwarderPolling.SlowSetting, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(value, refusal.Message, StringComparison.Ordinal);
    }
}
