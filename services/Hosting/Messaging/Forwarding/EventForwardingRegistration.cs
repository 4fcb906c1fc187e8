namespace ConsentPlatform.Hosting.Messaging.Forwarding;

public static class EventForwardingRegistration
{
    public const string SubscriptionName = "broker-forwarding";

    /// <summary>
    /// Forwards the store's events to RabbitMQ as the contracts <typeparamref name="TContracts"/>
    /// maps them to. The async daemon runs hot/cold: with several instances of a service, one
    /// forwards at a time.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression ForwardEventsToBroker<TContracts>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TContracts : class, IEventContracts
    {
        ArgumentNullException.ThrowIfNull(marten);
        marten.Services.AddSingleton<IEventContracts, TContracts>();
        marten.Services.AddSingleton<LedgerHome>();
        return marten
            .AddSubscriptionWithServices<BrokerForwardingSubscription>(ServiceLifetime.Singleton, o =>
            {
                o.Name = SubscriptionName;
                o.Options.BatchSize = 500;
            })
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
