namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers whether an organisation is party to an active agreement for some purposes, from the
/// inline read model (a suspension committed a moment ago already counts). The consent service
/// asks it to decide who may see a consent; the judgement is the pure <see cref="DsaScope.PartyFor"/>.
/// </summary>
public sealed class CheckDsaPartyConsumer(IQuerySession session) : IConsumer<CheckDsaParty>
{
    public async Task Consume(ConsumeContext<CheckDsaParty> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Message;
        var org = request.OrgId ?? string.Empty;

        var candidates = await session.Query<Agreement>()
            .Where(a => a.Status == DsaStatus.Active && a.OrgIds.Contains(org))
            .ToListAsync(context.CancellationToken);

        await context.RespondAsync(DsaScope.PartyFor(request with { OrgId = org }, candidates.Select(a => a.ToSnapshot())));
    }
}
