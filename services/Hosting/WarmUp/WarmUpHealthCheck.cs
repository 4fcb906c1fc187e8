namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>
/// <c>warm-up</c> in <c>/health/ready</c>: Unhealthy until the warm-up has run, so that a load
/// balancer (and the gateway's readiness) sends no user to a service that would still be compiling
/// its hot paths and fail their live checks closed.
/// </summary>
public sealed class WarmUpHealthCheck(WarmUpState state) : IHealthCheck
{
    public const string Name = "warm-up";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Finished ? HealthCheckResult.Healthy(state.Description) : HealthCheckResult.Unhealthy(state.Description));
}
