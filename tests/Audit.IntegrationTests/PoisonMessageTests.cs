namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>A message the ledger cannot record is never dropped: it lands in the error queue and is counted.</summary>
public sealed class PoisonMessageTests(AuditFixture audit)
{
    [Fact]
    public async Task Event_without_an_id_goes_to_the_error_queue_and_is_reported()
    {
        using var errorQueued = new ErrorQueuedCounter();
        var s = new Samples();
        var broken = new BrokenEvent(Guid.Empty, s.T0, s.Carer, s.Subject);
        var marker = Guid.NewGuid();
        await audit.Publisher.Publish(broken, (PublishContext<BrokenEvent> ctx) => ctx.MessageId = marker, TestContext.Current.CancellationToken);

        var inErrorQueue = await WaitForErrorQueueMessageAsync(marker);

        Assert.True(inErrorQueue, "the poison message is in audit-ledger_error");
        Assert.True(await errorQueued.WaitForAsync(1), "audit.ledger.error_queued was counted");
        using var client = audit.Auditor();
        Assert.Empty((await audit.GetAsync<Querying.EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries);
    }

    /// <summary>Published back to back, the three are most likely one batch: the poison one must not keep the others out.</summary>
    [Fact]
    public async Task A_poison_message_between_good_events_goes_alone_to_the_error_queue()
    {
        using var errorQueued = new ErrorQueuedCounter();
        var s = new Samples();
        var before = s.Granted(Guid.NewGuid(), s.T0);
        var after = s.Granted(Guid.NewGuid(), s.T0.AddMinutes(1));
        var marker = Guid.NewGuid();

        await audit.PublishAsync(before);
        await audit.Publisher.Publish(new BrokenEvent(Guid.Empty, s.T0, s.Carer, s.Subject), (PublishContext<BrokenEvent> ctx) => ctx.MessageId = marker, TestContext.Current.CancellationToken);
        await audit.PublishAsync(after);
        var sequences = await audit.LedgeredAsync(before, after);

        Assert.True(sequences[before.EventId] < sequences[after.EventId], "the good events keep their order");
        Assert.True(await WaitForErrorQueueMessageAsync(marker), "the poison message is in audit-ledger_error");
        Assert.True(await errorQueued.WaitForAsync(1), "audit.ledger.error_queued was counted");
        using var client = audit.Auditor();
        Assert.Equal(2, (await audit.GetAsync<Querying.EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries.Count);
    }

    /// <summary>
    /// PostgreSQL's text cannot hold a NUL character: only the database finds out, and only that
    /// event is refused. (In the data it would be no problem: the entry is stored as canonical
    /// bytes, where it is escaped; the subject id is a text column.)
    /// </summary>
    [Fact]
    public async Task An_event_the_database_refuses_goes_alone_to_the_error_queue()
    {
        using var errorQueued = new ErrorQueuedCounter();
        var s = new Samples();
        var before = s.Granted(Guid.NewGuid(), s.T0);
        var refused = new FutureEvent(Guid.NewGuid(), s.T0, s.Carer, s.Subject + "\u0000", "a NUL character in the subject id");
        var after = s.Granted(Guid.NewGuid(), s.T0.AddMinutes(1));

        await audit.PublishAsync(before, refused, after);
        await audit.LedgeredAsync(before, after);

        Assert.True(await WaitForErrorQueueMessageAsync(refused.EventId), "the refused event is in audit-ledger_error");
        Assert.True(await errorQueued.WaitForAsync(1), "audit.ledger.error_queued was counted");
        using var client = audit.Auditor();
        var entries = (await audit.GetAsync<Querying.EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries;
        Assert.Equal([before.EventId, after.EventId], entries.Select(e => e.Data.GetProperty("eventId").GetGuid()));
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

    /// <summary>Counts <c>audit.ledger.error_queued</c> while it lives (any test's: tests of other classes run meanwhile).</summary>
    private sealed class ErrorQueuedCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public ErrorQueuedCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AuditMetrics.MeterName && instrument.Name == "audit.ledger.error_queued") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public async Task<bool> WaitForAsync(long atLeast)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Interlocked.Read(ref count) < atLeast && DateTime.UtcNow < deadline) await Task.Delay(100, TestContext.Current.CancellationToken);
            return Interlocked.Read(ref count) >= atLeast;
        }

        public void Dispose() => listener.Dispose();
    }
}
