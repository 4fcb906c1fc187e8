namespace ConsentPlatform.Consent.Checking;

/// <summary>
/// The live check's own code before the first share (issue 23 part 5a): the batch consumer's query
/// and judgement, for subjects nobody has.
/// </summary>
public sealed class CheckWarmUp(IQuerySession session, TimeProvider clock) : BatchCheckWarmUp<CheckConsent>(clock)
{
    public override string Name => "consent checks";

    protected override CheckConsent Check(int number, IReadOnlyList<string> dataCategories, DateTimeOffset now) =>
        new($"warm-up-{number}", "warm-up", "WARM-UP", dataCategories, now);

    protected override Task AnswerAsync(IReadOnlyList<CheckConsent> checks, DateTimeOffset now, CancellationToken cancellationToken) =>
        CheckConsentBatchConsumer.AnswerAsync(session, checks, now, cancellationToken);
}
