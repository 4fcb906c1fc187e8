using ConsentPlatform.Hosting.Health;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConsentPlatform.Hosting.Messaging;

public static class PlatformMessaging
{
    /// <summary>
    /// MassTransit over RabbitMQ. Consumers are registered by the service in <paramref name="configure"/>;
    /// every endpoint retries a failed message a few times at once and then moves it to its
    /// <c>_error</c> queue (the broker has no delayed-exchange plugin, so no scheduled redelivery).
    /// The bus health check is named <c>rabbitmq</c> and gates readiness.
    /// </summary>
    public static WebApplicationBuilder AddPlatformMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
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
            configure?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
                {
                    h.Username(settings.Username);
                    h.Password(settings.Password);
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000));
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
