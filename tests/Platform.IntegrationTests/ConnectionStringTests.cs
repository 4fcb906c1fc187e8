using ConsentPlatform.Hosting.Persistence;
using Microsoft.Extensions.Configuration;

namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>The service's connection string, and the Npgsql options a benchmark may add to it without editing code.</summary>
public sealed class ConnectionStringTests
{
    private const string Database = "Host=127.0.0.1;Port=5432;Database=consent;Username=consent";

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Given_no_options_When_read_Then_the_connection_string_as_configured_with_prepared_statements()
    {
        var read = new Npgsql.NpgsqlConnectionStringBuilder(PlatformMarten.ConnectionString(Settings(("ConnectionStrings:Marten", Database))));

        Assert.Equal(32, read.MaxAutoPrepare);
        Assert.Equal("127.0.0.1", read.Host);
        Assert.Equal(5432, read.Port);
        Assert.Equal("consent", read.Database);
        Assert.Equal("consent", read.Username);
    }

    [Fact]
    public void Given_a_connection_string_that_chooses_its_own_preparation_When_read_Then_its_choice_is_kept()
    {
        var read = new Npgsql.NpgsqlConnectionStringBuilder(PlatformMarten.ConnectionString(Settings(("ConnectionStrings:Marten", Database + ";Max Auto Prepare=0"))));

        Assert.Equal(0, read.MaxAutoPrepare);
    }

    [Fact]
    public void Given_options_that_switch_preparation_off_When_read_Then_the_options_win()
    {
        var read = new Npgsql.NpgsqlConnectionStringBuilder(PlatformMarten.ConnectionString(
            Settings(("ConnectionStrings:Marten", Database + ";Max Auto Prepare=64"), (PlatformMarten.NpgsqlOptionsSetting, "Max Auto Prepare=0"))));

        Assert.Equal(0, read.MaxAutoPrepare);
        Assert.Equal("consent", read.Database);
    }

    [Fact]
    public void Given_options_When_read_Then_they_are_added_and_the_rest_is_kept()
    {
        var read = new Npgsql.NpgsqlConnectionStringBuilder(PlatformMarten.ConnectionString(
            Settings(("ConnectionStrings:Marten", Database + ";"), (PlatformMarten.NpgsqlOptionsSetting, "Max Auto Prepare=32;No Reset On Close=true"))));

        Assert.Equal(32, read.MaxAutoPrepare);
        Assert.True(read.NoResetOnClose);
        Assert.Equal("consent", read.Database);
        Assert.Equal(5432, read.Port);
    }

    [Fact]
    public void Given_an_option_Npgsql_does_not_know_When_read_Then_the_service_does_not_start()
    {
        Assert.Throws<ArgumentException>(() => PlatformMarten.ConnectionString(
            Settings(("ConnectionStrings:Marten", Database), (PlatformMarten.NpgsqlOptionsSetting, "Max Auto Prepair=32"))));
    }

    [Fact]
    public void Given_no_connection_string_When_read_Then_it_says_which_setting_is_missing()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => PlatformMarten.ConnectionString(Settings()));
        Assert.Contains("ConnectionStrings:Marten", missing.Message, StringComparison.Ordinal);
    }
}
