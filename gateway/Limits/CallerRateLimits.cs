namespace ConsentPlatform.Gateway.Limits;

/// <summary>
/// A token bucket per caller: the token's subject when signed in, else the remote address;
/// <c>/auth/dev-token</c> always by the remote address.
/// <c>RateLimiting:PermitsPerSecond</c> (default 2000) refills each bucket every
/// <c>RateLimiting:ReplenishmentPeriod</c> (default one second; a test that must see a bucket run
/// dry lengthens it, so a slow machine cannot refill the bucket between its calls);
/// <c>RateLimiting:QueueLimit</c> (default 200) requests wait for a permit before any is refused.
/// A refused request gets 429 problem+json with <c>Retry-After</c>.
/// </summary>
public static class CallerRateLimits
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("RateLimiting:PermitsPerSecond", 2000));
        var queue = Math.Max(0, configuration.GetValue("RateLimiting:QueueLimit", 200));
        var period = configuration.GetValue("RateLimiting:ReplenishmentPeriod", TimeSpan.FromSeconds(1));
        if (period <= TimeSpan.Zero) period = TimeSpan.FromSeconds(1);

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = period,
                    QueueLimit = queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejection;
        });
        return services;
    }

    public static string PartitionOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Minting a token is counted by address whatever token comes with the call: a token names
        // whoever its bearer chose to be (in local mode anyone can mint one), so counting by it
        // would give one client a fresh bucket per name it makes up.
        if (context.Request.Path.StartsWithSegments(LocalIdentityEndpoints.DevTokenPath, StringComparison.OrdinalIgnoreCase))
        {
            return $"address:{context.Connection.RemoteIpAddress}";
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            var caller = Caller.From(context.User);
            if (caller.UserId.Length > 0) return $"caller:{caller.UserId}";
        }

        return $"address:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask WriteRejection(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Refusals.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many requests from this caller; retry after {retryAfter} s.");
    }
}
