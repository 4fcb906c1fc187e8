namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers a question about the active agreements from the inline read model, so that an
/// activation or suspension committed a moment ago is already what the next answer sees: the
/// request is completed (<see cref="Complete"/>), the active agreements it may concern are picked
/// (<see cref="Concerning"/>), and a pure judgement of <see cref="DsaScope"/> answers (<see cref="Judge"/>).
/// </summary>
public abstract class ActiveAgreementsConsumer<TRequest, TResponse>(IQuerySession session) : IConsumer<TRequest>
    where TRequest : class
    where TResponse : class
{
    public async Task Consume(ConsumeContext<TRequest> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = Complete(context.Message);
        var candidates = await session.Query<Agreement>()
            .Where(a => a.Status == DsaStatus.Active)
            .Where(Concerning(request))
            .ToListAsync(context.CancellationToken);
        await context.RespondAsync(Judge(request, candidates.Select(a => a.ToSnapshot())));
    }

    /// <summary>The request with its missing values filled in, as the judgement reads it.</summary>
    protected virtual TRequest Complete(TRequest request) => request;

    /// <summary>Which of the active agreements the request may concern.</summary>
    protected abstract Expression<Func<Agreement, bool>> Concerning(TRequest request);

    protected abstract TResponse Judge(TRequest request, IEnumerable<DsaSnapshot> agreements);
}
