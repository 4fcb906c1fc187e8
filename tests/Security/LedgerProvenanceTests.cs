namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Every publisher may write to the shared <c>IPlatformEvent</c> exchange (it binds its own event
/// exchanges there), so the broker alone cannot stop one service publishing another's event type
/// onto it. The ledger believes an event only when it arrived through its own type's exchange, which
/// only the owning service may write (services/Audit/Messaging/PublishedEvent.cs). Tried with the
/// services' own broker users: the same envelope is ledgered when the disclosure service publishes
/// it through its exchange, and refused (to <c>audit-ledger_error</c>, never ledgered) when the
/// consent service publishes it straight to <c>IPlatformEvent</c>.
/// </summary>
public sealed class LedgerProvenanceTests(PlatformProcesses platform)
{
    private const string PlatformEvents = "ConsentPlatform.Contracts.Common:IPlatformEvent";

    /// <summary>A disclosure event type of the disclosure service's namespace that no build knows: the ledger keeps it as raw JSON.</summary>
    private const string ProbeType = "ConsentPlatform.Contracts.Disclosure:" + ProbeTypeName;

    /// <summary>The ledger's event type of the probe, which no store holds (Stores leaves it out of its counts).</summary>
    public const string ProbeTypeName = "ProvenanceProbe";

    [Fact]
    public async Task An_event_published_by_another_service_straight_to_the_shared_exchange_is_refused_and_never_ledgered()
    {
        var subject = Scenario.NewSubject();
        var genuine = Guid.NewGuid();
        var forged = Guid.NewGuid();

        // The disclosure service's own way: its type's exchange, bound to IPlatformEvent, as MassTransit binds it.
        await using (var disclosure = await platform.ConnectAsAsync("disclosure"))
        await using (var channel = await disclosure.CreateChannelAsync(cancellationToken: Ct))
        {
            await channel.ExchangeDeclareAsync(ProbeType, ExchangeType.Fanout, durable: false, autoDelete: true, cancellationToken: Ct);
            await channel.ExchangeBindAsync(PlatformEvents, ProbeType, routingKey: "", cancellationToken: Ct);
            await PublishAsync(channel, ProbeType, Envelope(genuine, subject));
        }

        // The consent service claiming to be the disclosure service.
        await using (var consent = await platform.ConnectAsAsync("consent"))
        await using (var channel = await consent.CreateChannelAsync(cancellationToken: Ct))
        {
            await PublishAsync(channel, PlatformEvents, Envelope(forged, subject));
        }

        Assert.True(await InErrorQueueAsync(forged), "the forged event is in audit-ledger_error");
        using var auditor = await platform.ClientAsAsync("Auditor");
        var ledgered = await LedgeredEventIdsAsync(auditor, subject, expected: 1);
        Assert.Equal([genuine], ledgered);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A MassTransit JSON envelope, as BrokerForwardingSubscription publishes an event (the event id is the message id).</summary>
    private static byte[] Envelope(Guid eventId, string subject) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        messageId = eventId,
        messageType = new[] { $"urn:message:{ProbeType}", $"urn:message:{PlatformEvents}" },
        message = new
        {
            eventId,
            subjectId = subject,
            occurredAt = DateTimeOffset.UtcNow,
            actor = new { userId = "security-suite", role = "Practitioner", orgId = SecurityWorld.Holder },
        },
        sentTime = DateTimeOffset.UtcNow,
    });

    private static async Task PublishAsync(IChannel channel, string exchange, byte[] body)
    {
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, body, Ct);
    }

    /// <summary>The ledger's entries about the subject, once it holds at least <paramref name="expected"/> (or after 30 s).</summary>
    private static async Task<List<Guid>> LedgeredEventIdsAsync(HttpClient auditor, string subject, int expected)
    {
        var ids = new List<Guid>();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200, Ct))
        {
            using var page = JsonDocument.Parse(await auditor.GetStringAsync(new Uri($"/api/audit/entries?subjectId={subject}", UriKind.Relative), Ct));
            ids = page.RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => e.GetProperty("data").GetProperty("eventId").GetGuid()).ToList();
            if (ids.Count >= expected) break;
        }

        return ids;
    }

    /// <summary>Peeks <c>audit-ledger_error</c> through the management API (messages are requeued, not taken).</summary>
    private async Task<bool> InErrorQueueAsync(Guid messageId)
    {
        using var management = platform.Management();
        var path = new Uri($"api/queues/{platform.VirtualHostPath()}/audit-ledger_error/get", UriKind.Relative);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250, Ct))
        {
            using var response = await management.PostAsJsonAsync(path, new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" }, Ct);
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(Ct)).Contains(messageId.ToString(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
