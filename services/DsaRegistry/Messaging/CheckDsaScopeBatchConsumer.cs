namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers a batch of live scope checks (issue 23) from one query: every active agreement. Each check is then judged by the same pure
/// <see cref="DsaScope.Check"/> as a lone <see cref="CheckDsaScope"/>, at its own instant, over those
/// agreements (it keeps only the ones its own organisations are party to), so a batch answers each
/// check exactly as <see cref="CheckDsaScopeConsumer"/> would.
/// </summary>
public sealed class CheckDsaScopeBatchConsumer(IQuerySession session) : IConsumer<CheckDsaScopeBatch>
{
    public async Task Consume(ConsumeContext<CheckDsaScopeBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = await AnswerAsync(session, context.Message.Checks ?? [], context.CancellationToken);
        await context.RespondAsync(new DsaScopeBatchResult(results));
    }

    /// <summary>The batch's answers; also what the warm-up runs (<see cref="ScopeCheckWarmUp"/>), so that it warms this very code.</summary>
    public static async Task<IReadOnlyList<DsaScopeResult>> AnswerAsync(IQuerySession session, IReadOnlyList<CheckDsaScope> checks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(checks);
        // One query for the batch: every active agreement. A registry holds hundreds of agreements,
        // not millions, and each check keeps only those its own organisations are party to
        // (Marten 9 cannot translate an array-overlap test on OrgIds from LINQ).
        var candidates = checks.Count == 0
            ? []
            : await session.Query<Agreement>()
                .Where(a => a.Status == DsaStatus.Active)
                .ToListAsync(cancellationToken);
        var snapshots = candidates.Select(a => a.ToSnapshot()).ToList();
        return [.. checks.Select(c => DsaScope.Check(c, snapshots))];
    }
}
