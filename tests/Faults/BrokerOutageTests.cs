namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 1: RabbitMQ stops for 20 s while practitioners keep asking for shares.</summary>
public sealed class BrokerOutageTests(FaultPlatform platform)
{
    [Fact]
    public async Task Broker_down_20s_denies_every_request_fast_and_the_ledger_ends_with_every_event_once()
    {
        await using var load = await ShareLoad.StartAsync(platform, concurrency: 2, maxDuration: TimeSpan.FromSeconds(240), pause: TimeSpan.FromMilliseconds(200), warmUp: TimeSpan.FromSeconds(3));

        var outageStarts = DateTimeOffset.UtcNow;
        await platform.BrokerNode.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var outageEnds = DateTimeOffset.UtcNow;
        // The broker is back when its AMQP port accepts again: watched from the side, because
        // StartAgainAsync returns only after rabbitmqctl's own checks, a second or more later.
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var portAccepts = FirstAcceptAsync(platform.BrokerNode.Port, watching.Token);
        await platform.BrokerNode.StartAgainAsync();
        var brokerBack = await portAccepts;
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        // Shares come back by themselves: the bus reconnects and the circuit breaker closes again.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !load.Outcomes.Any(o => o.SentAt > outageEnds && o.ShareStatus == "approved");)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        var (outcomes, ledger, withoutApproval) = await load.FinishAsync(platform);
        // Requests sent well inside the outage (the first second may still meet a live channel).
        var during = outcomes.Where(o => o.SentAt > outageStarts.AddSeconds(1) && o.SentAt + o.Took < outageEnds).ToList();
        // Recovery: from the broker accepting connections again to the first approval answered after it
        // (issue 23's goal: ≤ 2 s, printed in the fault table, not asserted: a timing goal is a figure).
        var firstApproval = outcomes.Where(o => o.SentAt > outageEnds && o.ShareStatus == "approved").Select(o => o.SentAt + o.Took).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        TimeSpan? recovery = firstApproval == DateTimeOffset.MaxValue ? null : firstApproval < brokerBack ? TimeSpan.Zero : firstApproval - brokerBack;
        FaultFigures.Record("1. broker down 20 s", outcomes.Count, during.Count(o => o.ShareStatus == "denied"), outcomes.Count(o => o.IsServerError), ledger, withoutApproval, recovery);

        Assert.NotEmpty(during);
        Assert.All(during, o => Assert.True(
            (o.Status == HttpStatusCode.Created && o.ShareStatus == "denied" && o.Reasons.Contains("check-unavailable")) || o.Status == HttpStatusCode.ServiceUnavailable,
            $"during the outage: {o}"));
        Assert.All(during, o => Assert.True(o.Took < TimeSpan.FromSeconds(5), $"slow answer during the outage: {o}"));
        Assert.DoesNotContain(outcomes, o => o.IsServerError && o.Status != HttpStatusCode.ServiceUnavailable);
        var afterwards = outcomes.Where(o => o.SentAt > outageEnds).GroupBy(o => $"{o.Status}/{o.ShareStatus}/{string.Join('+', o.Reasons)}/{o.Error}").Select(g => $"{g.Key}: {g.Count()}");
        Assert.True(outcomes.Any(o => o.SentAt > outageEnds && o.ShareStatus == "approved"), "after the outage: " + string.Join(", ", afterwards));
        Assert.Equal((0, 0, 0, 0), (ledger.Lost, ledger.Duplicates, ledger.SequenceGaps, ledger.TreeMismatches));
        Assert.Equal(0, withoutApproval);
    }

    /// <summary>The first moment a TCP connection to the port succeeds, tried every 50 ms.</summary>
    private static async Task<DateTimeOffset> FirstAcceptAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromMilliseconds(500));
                await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
                return DateTimeOffset.UtcNow;
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
