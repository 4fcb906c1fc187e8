namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers whether an organisation is party to an active agreement for some purposes, from the
/// inline read model (a suspension committed a moment ago already counts). The consent service
/// asks it to decide who may see a consent; the judgement is the pure <see cref="DsaScope.PartyFor"/>.
/// </summary>
public sealed class CheckDsaPartyConsumer(IQuerySession session) : ActiveAgreementsConsumer<CheckDsaParty, DsaPartyResult>(session)
{
    protected override CheckDsaParty Complete(CheckDsaParty request) => request with { OrgId = request.OrgId ?? string.Empty };

    protected override Expression<Func<Agreement, bool>> Concerning(CheckDsaParty request)
    {
        var org = request.OrgId ?? string.Empty;
        return a => a.OrgIds.Contains(org);
    }

    protected override DsaPartyResult Judge(CheckDsaParty request, IEnumerable<DsaSnapshot> agreements) => DsaScope.PartyFor(request, agreements);
}
