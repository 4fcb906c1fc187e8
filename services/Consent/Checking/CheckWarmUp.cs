namespace ConsentPlatform.Consent.Checking;

/// <summary>
/// The live check's own code before the first share (issue 23 part 5a): the batch consumer's query
/// and judgement, for subjects nobody has (a read; nothing is written or published). The broker
/// round trip is warmed by the disclosure service's warm-up, which asks this service.
/// </summary>
public sealed class CheckWarmUp(IQuerySession session, TimeProvider clock) : IWarmUpStep
{
    public string Name => "consent checks";

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        CheckConsent[] checks =
        [
            new("warm-up-1", "warm-up", "WARM-UP", ["identity.basic"], now),
            new("warm-up-2", "warm-up", "WARM-UP", ["identity.basic", "education.attendance"], now),
        ];
        await CheckConsentBatchConsumer.AnswerAsync(session, checks, now, cancellationToken);
    }
}
