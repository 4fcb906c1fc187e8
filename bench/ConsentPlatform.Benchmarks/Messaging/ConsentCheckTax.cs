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

/// <summary>One way of doing the consent lookup, timed one call at a time (µs).</summary>
public sealed record TaxRow(string Name, int Calls, double MeanUs, double P50Us, double P99Us, double MaxUs);

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

    private static async Task<TaxRow> TimeAsync(string name, int calls, Func<int, Task> call)
    {
        for (var i = 0; i < Math.Max(50, calls / 10); i++) await call(i); // warm-up: JIT, pools, plans
        var histogram = new LatencyHistogram();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            histogram.Record(Stopwatch.GetElapsedTime(started));
        }

        return new TaxRow(name, calls, Math.Round(histogram.MeanMicroseconds, 1), histogram.ValueAt(50), histogram.ValueAt(99), histogram.Max);
    }
}
