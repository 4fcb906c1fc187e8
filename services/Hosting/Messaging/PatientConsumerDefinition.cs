using MassTransit;

namespace ConsentPlatform.Hosting.Messaging;

/// <summary>
/// A consumer's endpoint on a queue named here rather than after the class, so that the broker
/// permissions (infra/broker-permissions) do not change with a rename, with patient retries while
/// the database is unreachable (and for whatever else the definition names): 30 tries, the first
/// interval apart and then each one increment longer; what still fails goes to the queue's
/// <c>_error</c> queue.
/// </summary>
public abstract class PatientConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int RetryLimit = 30;

    private readonly TimeSpan firstInterval;
    private readonly TimeSpan intervalIncrement;
    private readonly Type[] alsoRetried;

    protected PatientConsumerDefinition(string queueName, TimeSpan firstInterval, TimeSpan intervalIncrement, params Type[] alsoRetried)
    {
        EndpointName = queueName;
        this.firstInterval = firstInterval;
        this.intervalIncrement = intervalIncrement;
        this.alsoRetried = alsoRetried;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        consumerConfigurator.UseMessageRetry(r =>
        {
            r.Handle<NpgsqlException>();
            r.Handle<TimeoutException>();
            if (alsoRetried.Length > 0) r.Handle(alsoRetried);
            r.Incremental(RetryLimit, firstInterval, intervalIncrement);
        });
    }
}
