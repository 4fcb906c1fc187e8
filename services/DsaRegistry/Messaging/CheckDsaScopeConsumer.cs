namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers the live scope check (rules 1 and 2) from the inline read model, so that an
/// activation or suspension committed a moment ago is already what the next check sees. The
/// judgement itself is the pure <see cref="DsaScope.Check"/>.
/// </summary>
public sealed class CheckDsaScopeConsumer(IQuerySession session) : IConsumer<CheckDsaScope>
{
    public async Task Consume(ConsumeContext<CheckDsaScope> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Message;
        var requester = request.RequesterOrgId ?? string.Empty;
        var holder = request.HolderOrgId ?? string.Empty;

        var candidates = await session.Query<Agreement>()
            .Where(a => a.Status == DsaStatus.Active && (a.OrgIds.Contains(requester) || a.OrgIds.Contains(holder)))
            .ToListAsync(context.CancellationToken);

        await context.RespondAsync(DsaScope.Check(request, candidates.Select(a => a.ToSnapshot())));
    }
}
