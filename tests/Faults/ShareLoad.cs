namespace ConsentPlatform.Faults.Tests;

/// <summary>
/// A bounded stream of share requests through the gateway, as practitioners would send them:
/// the school asks; when approved, the local authority releases. Records every answer so a
/// test can say what happened during a fault. Stops by itself at its deadline.
/// </summary>
internal sealed class ShareLoad(HttpClient school, HttpClient localAuthority, string subject) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> workers = [];

    public ConcurrentQueue<ShareOutcome> Outcomes { get; } = new();

    /// <summary>
    /// Sets up a consented subject under an active DSA, starts <paramref name="concurrency"/> senders
    /// and returns once they have been sending for <paramref name="warmUp"/>.
    /// </summary>
    public static async Task<ShareLoad> StartAsync(PlatformProcesses platform, int concurrency, TimeSpan maxDuration, TimeSpan pause, TimeSpan warmUp)
    {
        var scenario = new Scenario(platform);
        await scenario.ActiveDsaAsync();
        var subject = Scenario.NewSubject();
        await scenario.ConsentAsync(subject);
        var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "school-load");
        var localAuthority = await platform.ClientAsAsync("Practitioner", org: Scenario.LocalAuthority, name: "la-load");
        var load = new ShareLoad(school, localAuthority, subject);
        load.stop.CancelAfter(maxDuration);
        for (var i = 0; i < concurrency; i++) load.workers.Add(Task.Run(() => load.SendUntilStoppedAsync(pause)));
        try
        {
            await Task.Delay(warmUp, TestContext.Current.CancellationToken);
        }
        catch
        {
            await load.DisposeAsync();
            throw;
        }

        return load;
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    /// <summary>Stops the load and waits until the ledger has caught up; returns every answer and what the ledger holds.</summary>
    public async Task<LoadResult> FinishAsync(PlatformProcesses platform)
    {
        await StopAsync();
        var probe = new LedgerProbe(platform);
        var ledger = await probe.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(90));
        return new LoadResult([.. Outcomes], ledger, await probe.ReleasesWithoutApprovalAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        school.Dispose();
        localAuthority.Dispose();
        stop.Dispose();
    }

    private async Task SendUntilStoppedAsync(TimeSpan pause)
    {
        while (!stop.IsCancellationRequested)
        {
            Outcomes.Enqueue(await SendOneAsync());
            try
            {
                await Task.Delay(pause, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ShareOutcome> SendOneAsync()
    {
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await Scenario.RequestShareAsync(school, subject, ["caring.role"]);
            var answer = await ShareAnswer.FromAsync(response);
            var released = false;
            if (answer.ShareStatus == "approved" && answer.Id is not null)
            {
                var release = await localAuthority.PostJsonAsync($"/api/disclosures/{answer.Id}/release", new { data = new Dictionary<string, object> { ["caring.role"] = "cares for a parent" } });
                released = release.StatusCode == HttpStatusCode.OK;
            }

            return new ShareOutcome(sentAt, clock.Elapsed, answer.Status, answer.ShareStatus, answer.ReasonCodes, released, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new ShareOutcome(sentAt, clock.Elapsed, null, null, [], false, e.GetType().Name);
        }
    }
}

/// <summary>What a load's requests got, and what the ledger holds once it caught up.</summary>
internal sealed record LoadResult(IReadOnlyList<ShareOutcome> Outcomes, LedgerCount Ledger, int ReleasesWithoutApproval);

/// <summary>One request's fate: HTTP status (none if the call failed), share status, reasons, whether it was released.</summary>
internal sealed record ShareOutcome(DateTimeOffset SentAt, TimeSpan Took, HttpStatusCode? Status, string? ShareStatus, IReadOnlyList<string> Reasons, bool Released, string? Error)
{
    public bool IsServerError => Status is null || (int)Status >= 500;
}
