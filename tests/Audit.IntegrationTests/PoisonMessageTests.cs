using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsentPlatform.Audit.IntegrationTests.Support;
using ConsentPlatform.Audit.IntegrationTests.Unknown;
using ConsentPlatform.TestSupport.Infrastructure;
using MassTransit;
using Xunit;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>A message the ledger cannot record is never dropped: it lands in the error queue and is counted.</summary>
public sealed class PoisonMessageTests(AuditFixture audit)
{
    [Fact]
    public async Task Event_without_an_id_goes_to_the_error_queue_and_is_reported()
    {
        long reported = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AuditMetrics.MeterName && instrument.Name == "audit.ledger.error_queued") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref reported, value));
        listener.Start();

        var s = new Samples();
        var broken = new BrokenEvent(Guid.Empty, s.T0, s.Carer, s.Subject);
        var marker = Guid.NewGuid();
        await audit.Publisher.Publish(broken, (PublishContext<BrokenEvent> ctx) => ctx.MessageId = marker, TestContext.Current.CancellationToken);

        var inErrorQueue = await WaitForErrorQueueMessageAsync(marker);

        Assert.True(inErrorQueue, "the poison message is in audit-ledger_error");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Interlocked.Read(ref reported) == 0 && DateTime.UtcNow < deadline) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(Interlocked.Read(ref reported) >= 1, "audit.ledger.error_queued was counted");
        using var client = audit.Auditor();
        Assert.Empty((await audit.GetAsync<Querying.EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries);
    }

    /// <summary>Peeks the error queue through the management API (the message is requeued, not taken).</summary>
    private async Task<bool> WaitForErrorQueueMessageAsync(Guid messageId)
    {
        var endpoints = await PlatformInfrastructure.GetAsync();
        var management = endpoints.RabbitMqManagement;
        using var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var vhost = Uri.EscapeDataString(audit.Host.VirtualHost.Name);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var body = new StringContent("""{"count":100,"ackmode":"reject_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri($"api/queues/{vhost}/audit-ledger_error/get", UriKind.Relative), body, TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                using var messages = JsonDocument.Parse(text);
                if (messages.RootElement.EnumerateArray().Any(m => m.GetProperty("payload").GetString()?.Contains(messageId.ToString(), StringComparison.OrdinalIgnoreCase) == true))
                {
                    return true;
                }
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
