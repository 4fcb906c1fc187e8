using MassTransit;

namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Asks the DSA registry for the onboarded tenants (<see cref="ListOnboardedTenants"/>, over RabbitMQ)
/// at start and then every <see cref="TenantRegistryOptions.RefreshSeconds"/>, and hands each answer
/// to <see cref="TenantDirectory"/>. No answer: the last one is kept until it is too old, then only the
/// configuration's tenants are accepted (fail closed). Polling, not events: a process that starts,
/// restarts or missed a message converges on the next question, and the registry is a few rows.
/// </summary>
public sealed partial class TenantRegistryRefresher(
    IServiceScopeFactory scopes, TenantDirectory directory, IOptions<TenantRegistryOptions> options, TimeProvider clock, ILogger<TenantRegistryRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.RefreshSeconds));
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var client = scope.ServiceProvider.GetRequiredService<IRequestClient<ListOnboardedTenants>>();
                var answer = await client.GetResponse<OnboardedTenantList>(new ListOnboardedTenants(), stoppingToken, RequestTimeout.After(ms: (int)AnswerTimeout.TotalMilliseconds));
                directory.Accept(answer.Message);
                if (failing) LogAnswering(logger, answer.Message.Version, answer.Message.Tenants.Count);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestTimeoutException or RequestFaultException or MassTransitException or TimeoutException or InvalidOperationException)
            {
                // Once per outage: the directory ages the last answer out by itself.
                if (!failing) LogNotAnswering(logger, e.GetType().Name, e.Message);
                failing = true;
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tenant registry did not answer ({Kind}: {Why}); its tenants are accepted until the last answer is too old, then only the configured ones")]
    private static partial void LogNotAnswering(ILogger logger, string kind, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "The tenant registry answers again: version {Version}, {Count} tenants")]
    private static partial void LogAnswering(ILogger logger, long version, int count);
}

public static class TenantRegistryRegistration
{
    /// <summary>For every process that validates tokens and has a bus: keep <see cref="TenantDirectory"/> up to date from the registry.</summary>
    public static void AddTenantRegistryClient(this IBusRegistrationConfigurator bus, IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddRequestClient<ListOnboardedTenants>();
        services.AddHostedService<TenantRegistryRefresher>();
    }
}
