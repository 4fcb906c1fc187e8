namespace ConsentPlatform.Benchmarks.Messaging;

/// <summary>
/// One way of doing the consent lookup, timed one call at a time (µs). <see cref="Calls"/> counts
/// the calls measured, <see cref="Errors"/> those of them that failed (a request that timed out
/// under load, a fault, a refusal): their latency is left out of the figures, and
/// <see cref="FirstError"/> says what the first one was.
/// </summary>
public sealed record TaxRow(string Name, int Calls, double MeanUs, double P50Us, double P99Us, double MaxUs, int Errors = 0, string? FirstError = null);

/// <summary>
/// The messaging tax of a live check: <see cref="CheckConsent"/> over RabbitMQ (a MassTransit
/// request client in this process, answered by the running consent service) versus the very same
/// lookup called in process: the consent service's Marten query over its inline
/// <see cref="ConsentState"/> documents plus the shared <see cref="ConsentRule"/>, on the same database.
/// </summary>
public static class ConsentCheckTax
{
    public static async Task<IReadOnlyList<TaxRow>> MeasureAsync(BrokerSettings broker, string consentDatabase, IReadOnlyList<string> subjects, string requesterOrg, int calls)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(subjects);
        string[] categories = ["identity.basic", "caring.role", "education.attendance"];
        CheckConsent Check(int i) => new(subjects[i % subjects.Count], "school-support", requesterOrg, categories, DateTimeOffset.UtcNow);

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
            });
            // The consent service may write its answers only into the bus exchange of a service that
            // asks it (infra/broker-permissions): this client asks as the disclosure service does.
            // Under MassTransit's default name every answer was refused and every request timed out.
            cfg.OverrideDefaultBusEndpointQueueName(PlatformMessaging.BusQueueName("disclosure"));
        });
        await bus.StartAsync();
        try
        {
            var client = bus.CreateRequestClient<CheckConsent>(RequestTimeout.After(s: 10));
            var overRabbit = await TimeAsync("CheckConsent over RabbitMQ (request/response)", calls, async i =>
            {
                var response = await client.GetResponse<ConsentCheckResult>(Check(i));
                if (response.Message.Reasons.Count != 0) throw new InvalidOperationException("the consent check did not allow the share");
            });

            using var store = DocumentStore.For(o =>
            {
                o.Connection(consentDatabase);
                o.DatabaseSchemaName = "consent";
                o.AutoCreateSchemaObjects = AutoCreate.None;
                o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            });
            var inProcess = await TimeAsync("same lookup in process (Marten query + ConsentRule)", calls, async i =>
            {
                var check = Check(i);
                await using var session = store.QuerySession();
                var candidates = await session.Query<ConsentState>()
                    .Where(c => c.Terms.SubjectId == check.SubjectId && c.Terms.Purpose == check.Purpose)
                    .ToListAsync();
                var result = ConsentRule.Check(ConsentRule.Choose(candidates.Select(ConsentCheck.Snapshot)), check);
                if (result.Reasons.Count != 0) throw new InvalidOperationException("the in-process lookup did not allow the share");
            });

            return [overRabbit, inProcess];
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>After this many failures in a row the phase stops measuring: nothing answers, and each failure may cost a whole timeout.</summary>
    public const int ConsecutiveFailuresToGiveUp = 5;

    /// <summary>
    /// Times <paramref name="calls"/> calls one at a time after a warm-up. A call that fails (above
    /// all a lone <see cref="CheckConsent"/> that times out while the machine is overloaded) is an
    /// error of this phase, counted and shown in its row, never the end of the whole benchmark.
    /// After <see cref="ConsecutiveFailuresToGiveUp"/> failures in a row it stops: the row's
    /// <see cref="TaxRow.Calls"/> is then the calls made, not the calls asked for.
    /// </summary>
    public static async Task<TaxRow> TimeAsync(string name, int calls, Func<int, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var histogram = new LatencyHistogram();
        var (errors, inARow, made) = (0, 0, 0);
        string? firstError = null;
        var warmup = Math.Max(50, calls / 10); // JIT, pools, plans
        for (var i = 0; i < warmup + calls && inARow < ConsecutiveFailuresToGiveUp; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var failure = await FailureOfAsync(call, i);
            inARow = failure is null ? 0 : inARow + 1;
            if (i < warmup)
            {
                if (failure is not null) Console.WriteLine($"  {name}: a warm-up call failed: {failure}");
                continue;
            }

            made++;
            if (failure is null)
            {
                histogram.Record(Stopwatch.GetElapsedTime(started));
                continue;
            }

            errors++;
            firstError ??= failure;
        }

        if (inARow >= ConsecutiveFailuresToGiveUp)
        {
            firstError ??= "the warm-up failed";
            Console.WriteLine($"  {name}: stopped after {ConsecutiveFailuresToGiveUp} failures in a row, {made} of {calls} calls made");
        }

        if (histogram.Count == 0) return new TaxRow(name, made, double.NaN, double.NaN, double.NaN, double.NaN, errors, firstError);
        return new TaxRow(name, made, Math.Round(histogram.MeanMicroseconds, 1), histogram.ValueAt(50), histogram.ValueAt(99), histogram.Max, errors, firstError);
    }

    /// <summary>Null when the call succeeded; what went wrong when it failed.</summary>
    private static async Task<string?> FailureOfAsync(Func<int, Task> call, int i)
    {
        try
        {
            await call(i);
            return null;
        }
        catch (Exception e) when (e is RequestException or InvalidOperationException or TimeoutException or OperationCanceledException or Npgsql.NpgsqlException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
