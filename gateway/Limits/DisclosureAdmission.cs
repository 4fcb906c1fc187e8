namespace ConsentPlatform.Gateway.Limits;

/// <summary>
/// Admission control for disclosure writes (share requests, approve-override, release): at most
/// <c>Gateway:Admission:Disclosures:PermitLimit</c> (default 64) in flight across all callers,
/// then <c>QueueLimit</c> (default 256) waiting in arrival order, and beyond that an immediate
/// 503 problem with <c>Retry-After</c>. The platform decides only a few hundred shares a second
/// on two cores; without this, overload piles up in the disclosure service until its live checks
/// time out and every decision fails closed, slowly. Refused here, nothing reaches the service:
/// nothing is decided, nothing is recorded. Reads on the same route are not limited.
/// </summary>
public sealed partial class DisclosureAdmission : IRateLimiterPolicy<string>
{
    public const string PolicyName = "disclosure-admission";
    public const string Section = "Gateway:Admission:Disclosures";
    public const string MeterName = "ConsentPlatform.Gateway";
    public const string RejectedCounterName = "gateway.admission.rejected";

    /// <summary>
    /// Its own problem type, so a client can tell "the platform is full, nothing happened, retry"
    /// from a per-caller 429 or a service that is down. A tag URI: it names, it does not resolve.
    /// </summary>
    public const string ProblemType = "tag:consentplatform,2026:problems/at-capacity";

    // A permit is freed every few milliseconds at capacity; one second spreads the retries
    // without keeping a client waiting much longer than the queue would have.
    private const int RetryAfterSeconds = 1;

    private readonly ConcurrencyLimiterOptions limits;
    private readonly Counter<long> rejected;
    private readonly ILogger<DisclosureAdmission> logger;

    public DisclosureAdmission(IConfiguration configuration, IMeterFactory meters, ILogger<DisclosureAdmission> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(meters);
        limits = new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue($"{Section}:PermitLimit", 64)),
            QueueLimit = Math.Max(0, configuration.GetValue($"{Section}:QueueLimit", 256)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        rejected = meters.Create(MeterName).CreateCounter<long>(
            RejectedCounterName, "{request}", "Disclosure writes refused with 503 because the platform was at capacity.");
        this.logger = logger;
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <summary>
    /// One limiter for every caller: the capacity being protected is the platform's, not a caller's.
    /// A request without a valid token takes no place in it: authorization answers it 401 next, and
    /// a flood of such requests must not turn signed-in callers away.
    /// </summary>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var method = httpContext.Request.Method;
        if (httpContext.User.Identity?.IsAuthenticated != true) return RateLimitPartition.GetNoLimiter("unauthenticated");
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetConcurrencyLimiter("writes", _ => limits);
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // Under overload this runs hundreds of times a second: the counter is what to watch and
        // alert on; the log line is for debugging only.
        rejected.Add(1);
        LogRejected(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path);

        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Refusals.WriteAsync(
            context.HttpContext,
            StatusCodes.Status503ServiceUnavailable,
            "Platform at capacity",
            $"The platform is at capacity: nothing was requested, decided or recorded. Retry after {RetryAfterSeconds} s.",
            ProblemType);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Method} {Path}: disclosure writes at capacity")]
    private static partial void LogRejected(ILogger logger, string method, string path);
}

public static class DisclosureAdmissionRegistration
{
    public static IServiceCollection AddDisclosureAdmission(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, DisclosureAdmission>(DisclosureAdmission.PolicyName));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(DisclosureAdmission.MeterName));
        return services;
    }
}
