using MassTransit;

namespace ConsentPlatform.Hosting.Messaging;

public static class PlatformMessaging
{
    /// <summary>
    /// MassTransit over RabbitMQ. Consumers are registered by the service in <paramref name="configure"/>;
    /// every endpoint retries a failed message a few times at once and then moves it to its
    /// <c>_error</c> queue (the broker has no delayed-exchange plugin, so no scheduled redelivery).
    /// The bus health check is named <c>rabbitmq</c> and gates readiness.
    /// The instance's temporary bus queue (where its responses arrive) is named
    /// <c>&lt;serviceName&gt;-bus-&lt;32 hex&gt;</c> rather than MassTransit's machine-and-process name, so
    /// that the service's broker user can be given exactly its own (infra/broker-permissions).
    /// </summary>
    public static WebApplicationBuilder AddPlatformMessaging(this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var settings = builder.Configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "rabbitmq";
                o.MinimalFailureStatus = HealthStatus.Unhealthy;
                o.Tags.Add(HealthEndpoints.ReadyTag);
            });
            // Every process with a bus keeps the tenants it accepts tokens from up to date (issue 18).
            x.AddTenantRegistryClient(builder.Services);
            configure?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
                {
                    h.Username(settings.Username);
                    h.Password(settings.Password);
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                cfg.OverrideDefaultBusEndpointQueueName(BusQueueName(serviceName));
                if (!BrokerReconnect.TryShorten(cfg))
                {
                    context.GetService<ILoggerFactory>()?.CreateLogger(typeof(PlatformMessaging))
                        .LogWarning("MassTransit's reconnect policy could not be shortened; after a broker outage this service reconnects on MassTransit's own schedule (up to 30 s)");
                }

                cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000));
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>A fresh temporary bus queue name per instance: two instances of a service never share one.</summary>
    public static string BusQueueName(string serviceName) => $"{serviceName}-bus-{Guid.NewGuid():N}";
}
