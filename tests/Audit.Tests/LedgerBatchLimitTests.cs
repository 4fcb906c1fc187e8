using ConsentPlatform.Audit.Messaging;
using Microsoft.Extensions.Configuration;

namespace ConsentPlatform.Audit.Tests;

/// <summary>How many events the ledger writes per transaction: the default, a setting the benchmark may change, and what is refused.</summary>
public sealed class LedgerBatchLimitTests
{
    private static IConfiguration Settings(string? limit) =>
        new ConfigurationBuilder().AddInMemoryCollection(limit is null ? [] : [new(LedgerConsumerDefinition.BatchLimitSetting, limit)]).Build();

    [Fact]
    public void Given_no_setting_When_read_Then_the_default_of_100()
    {
        Assert.Equal(100, LedgerConsumerDefinition.BatchLimitOf(Settings(null)));
        Assert.Equal(100, new LedgerConsumerDefinition(Settings(null)).MessageLimit);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("400", 400)]
    [InlineData("1000", 1000)]
    public void Given_a_limit_in_range_When_read_Then_the_definition_uses_it(string setting, int expected)
    {
        Assert.Equal(expected, new LedgerConsumerDefinition(Settings(setting)).MessageLimit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1e3")]
    public void Given_a_limit_out_of_range_or_unreadable_When_read_Then_the_start_stops_and_says_why(string setting)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => LedgerConsumerDefinition.BatchLimitOf(Settings(setting)));
        Assert.Contains(LedgerConsumerDefinition.BatchLimitSetting, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(setting, refusal.Message, StringComparison.Ordinal);
    }
}
