using MassTransit;

namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// The two live checks, coalesced (issue 23): one <see cref="CheckBatcher{TCheck, TAnswer}"/> per
/// checked service, sending <see cref="CheckConsentBatch"/> and <see cref="CheckDsaScopeBatch"/>
/// through that service's circuit breaker and timeout (<see cref="CheckPipelines"/>). A singleton,
/// so that every request in flight shares the batches.
/// </summary>
public sealed class CoalescedChecks
{
    public CoalescedChecks(IClientFactory clients, CheckPipelines pipelines, IOptions<LiveCheckOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        // The request client's own timeout backs up the pipeline's, so that nothing waits for long.
        var timeout = RequestTimeout.After(ms: (int)Math.Ceiling(settings.CheckTimeout.TotalMilliseconds) + 500);
        var consent = clients.CreateRequestClient<CheckConsentBatch>(timeout);
        var dsa = clients.CreateRequestClient<CheckDsaScopeBatch>(timeout);

        Consent = new CheckBatcher<CheckConsent, ConsentCheckResult>(
            async checks => (await pipelines.Consent.ExecuteAsync(
                async token => await consent.GetResponse<ConsentCheckBatchResult>(new CheckConsentBatch(checks), token))).Message.Results,
            settings.CheckBatchSize,
            settings.CheckBatchesInFlight);
        Dsa = new CheckBatcher<CheckDsaScope, DsaScopeResult>(
            async checks => (await pipelines.Dsa.ExecuteAsync(
                async token => await dsa.GetResponse<DsaScopeBatchResult>(new CheckDsaScopeBatch(checks), token))).Message.Results,
            settings.CheckBatchSize,
            settings.CheckBatchesInFlight);
    }

    public CheckBatcher<CheckConsent, ConsentCheckResult> Consent { get; }

    public CheckBatcher<CheckDsaScope, DsaScopeResult> Dsa { get; }
}
