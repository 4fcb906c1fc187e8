namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// The live scope check's own code before the first share (issue 23 part 5a): the batch consumer's
/// query of the active agreements and the judgement, for organisations no agreement names.
/// </summary>
public sealed class ScopeCheckWarmUp(IQuerySession session, TimeProvider clock) : BatchCheckWarmUp<CheckDsaScope>(clock)
{
    public override string Name => "scope checks";

    protected override CheckDsaScope Check(int number, IReadOnlyList<string> dataCategories, DateTimeOffset now) =>
        new("WARM-UP-REQUESTER", "WARM-UP-HOLDER", "warm-up", dataCategories, now);

    protected override Task AnswerAsync(IReadOnlyList<CheckDsaScope> checks, DateTimeOffset now, CancellationToken cancellationToken) =>
        CheckDsaScopeBatchConsumer.AnswerAsync(session, checks, cancellationToken);
}
