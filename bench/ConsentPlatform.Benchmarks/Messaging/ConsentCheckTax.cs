using System.Diagnostics;
using ConsentPlatform.Benchmarks.Load;
using ConsentPlatform.Consent.Checking;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.TestSupport.Infrastructure;
using JasperFx;
using Marten;
using MassTransit;
using Weasel.Core;

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

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
        {
            h.Username(broker.Username);
            h.Password(broker.Password);
        }));
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

    /// <summary>
    /// Times <paramref name="calls"/> calls one at a time after a warm-up. A call that fails (above
    /// all a lone <see cref="CheckConsent"/> that times out while the machine is overloaded) is an
    /// error of this phase, counted and shown in its row, never the end of the whole benchmark.
    /// </summary>
    public static async Task<TaxRow> TimeAsync(string name, int calls, Func<int, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var warmupErrors = 0;
        for (var i = 0; i < Math.Max(50, calls / 10); i++) // warm-up: JIT, pools, plans
        {
            if (await FailureOfAsync(call, i) is not null) warmupErrors++;
        }

        if (warmupErrors > 0) Console.WriteLine($"  {name}: {warmupErrors} warm-up calls failed");
        var histogram = new LatencyHistogram();
        var errors = 0;
        string? firstError = null;
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (await FailureOfAsync(call, i) is { } failure)
            {
                errors++;
                firstError ??= failure;
                continue;
            }

            histogram.Record(Stopwatch.GetElapsedTime(started));
        }

        if (histogram.Count == 0) return new TaxRow(name, calls, double.NaN, double.NaN, double.NaN, double.NaN, errors, firstError);
        return new TaxRow(name, calls, Math.Round(histogram.MeanMicroseconds, 1), histogram.ValueAt(50), histogram.ValueAt(99), histogram.Max, errors, firstError);
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
