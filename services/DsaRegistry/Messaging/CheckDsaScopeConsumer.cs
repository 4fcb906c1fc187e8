namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers the live scope check (rules 1 and 2) from the inline read model, so that an
/// activation or suspension committed a moment ago is already what the next check sees. The
/// judgement itself is the pure <see cref="DsaScope.Check"/>.
/// </summary>
public sealed class CheckDsaScopeConsumer(IQuerySession session) : ActiveAgreementsConsumer<CheckDsaScope, DsaScopeResult>(session)
{
    protected override Expression<Func<Agreement, bool>> Concerning(CheckDsaScope request)
    {
        var requester = request.RequesterOrgId ?? string.Empty;
        var holder = request.HolderOrgId ?? string.Empty;
        return a => a.OrgIds.Contains(requester) || a.OrgIds.Contains(holder);
    }

    protected override DsaScopeResult Judge(CheckDsaScope request, IEnumerable<DsaSnapshot> agreements) => DsaScope.Check(request, agreements);
}
