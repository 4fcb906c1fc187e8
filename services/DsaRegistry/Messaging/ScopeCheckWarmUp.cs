namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// The live scope check's own code before the first share (issue 23 part 5a): the batch consumer's
/// query of the active agreements and the judgement, for organisations no agreement names (a read;
/// nothing is written or published). The broker round trip is warmed by the disclosure service's
/// warm-up, which asks this service.
/// </summary>
public sealed class ScopeCheckWarmUp(IQuerySession session, TimeProvider clock) : IWarmUpStep
{
    public string Name => "scope checks";

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        CheckDsaScope[] checks =
        [
            new("WARM-UP-REQUESTER", "WARM-UP-HOLDER", "warm-up", ["identity.basic"], now),
            new("WARM-UP-REQUESTER", "WARM-UP-HOLDER", "warm-up", ["identity.basic", "education.attendance"], now),
        ];
        await CheckDsaScopeBatchConsumer.AnswerAsync(session, checks, cancellationToken);
    }
}
