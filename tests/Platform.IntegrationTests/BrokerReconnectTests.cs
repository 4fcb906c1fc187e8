namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>
/// The quicker reconnect after a broker outage (issue 23) reaches into MassTransit's RabbitMQ host
/// configuration: this fails first if a MassTransit release moves what it reaches for.
/// </summary>
public sealed class BrokerReconnectTests
{
    [Fact]
    public void The_quicker_reconnect_policy_replaces_MassTransits_on_a_RabbitMQ_bus()
    {
        var applied = false;
        IRetryPolicy? before = null;
        IRetryPolicy? after = null;

        Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            before = PolicyOf(cfg);
            applied = BrokerReconnect.TryShorten(cfg);
            after = PolicyOf(cfg);
        });

        Assert.True(applied);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.NotSame(before, after);
        // The same judgement of what is worth retrying: a lost connection is, a refused password is not.
        Assert.Equal(before!.IsHandled(new RabbitMqConnectionException("lost")), after!.IsHandled(new RabbitMqConnectionException("lost")));
        Assert.True(after.IsHandled(new RabbitMqConnectionException("lost")));
    }

    private static IRetryPolicy? PolicyOf(object configurator)
    {
        foreach (var field in configurator.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
        {
            if (field.GetValue(configurator) is { } value
                && value.GetType().GetProperty("ReceiveTransportRetryPolicy")?.GetValue(value) is IRetryPolicy policy)
            {
                return policy;
            }
        }

        return null;
    }
}
