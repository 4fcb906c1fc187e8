using ConsentPlatform.Contracts.Rules;

namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Rules 1 and 2 of the share rulebook as one pure function over plain data: the registry
/// answers live checks with it, and the audit service can replay it over the DSA versions it
/// ledgered.
/// <list type="number">
/// <item>Candidates are the DSAs that are active, inside their window at the request's time,
/// and name the requester or the holder as a party. None: <see cref="ReasonCode.NoActiveDsa"/>.</item>
/// <item>Each candidate fails with every reason that applies to it: the requester does not
/// receive under it, the holder does not provide under it, the purpose is not in it, or a
/// requested category is outside the purpose (an empty request is outside any purpose).</item>
/// <item>Candidates are ordered by the latest <c>effectiveFrom</c>, then the lowest id (ordinal
/// on the canonical string form). The first with no failing reason covers the request; if none
/// does, the reasons of the first candidate with the fewest reasons are the answer.</item>
/// </list>
/// </summary>
public static class DsaScope
{
    /// <summary>
    /// The purposes of <paramref name="request"/> for which its organisation is a party (in any
    /// role) to an agreement that is active, inside its window at the request's time, and contains
    /// that purpose.
    /// </summary>
    public static DsaPartyResult PartyFor(CheckDsaParty request, IEnumerable<DsaSnapshot> agreements)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agreements);
        var asked = request.Purposes ?? [];
        var covered = agreements
            .Where(a => a.Status == DsaStatus.Active && a.Content.IsInWindow(request.At) && a.Content.PartyOf(request.OrgId) is not null)
            .SelectMany(a => a.Content.Purposes.Select(p => p.Code))
            .Where(code => asked.Contains(code, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DsaPartyResult(request.OrgId, covered, request.At);
    }

    public static DsaScopeResult Check(CheckDsaScope request, IEnumerable<DsaSnapshot> agreements)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agreements);

        var evaluated = agreements
            .Where(a => a.Status == DsaStatus.Active
                        && a.Content.IsInWindow(request.At)
                        && (a.Content.PartyOf(request.RequesterOrgId) is not null || a.Content.PartyOf(request.HolderOrgId) is not null))
            .OrderByDescending(a => a.Content.EffectiveFrom)
            .ThenBy(a => a.DsaId.ToString("D"), StringComparer.Ordinal)
            .Select(a => (Agreement: a, Reasons: FailingReasons(request, a.Content)))
            .ToList();

        if (evaluated.Count == 0)
        {
            return DsaScopeResult.Denied([ReasonCode.NoActiveDsa], request.At);
        }

        var covering = evaluated.Where(e => e.Reasons.Count == 0).Select(e => e.Agreement).ToList();
        if (covering.Count == 0)
        {
            var nearest = evaluated.MinBy(e => e.Reasons.Count);
            return DsaScopeResult.Denied(nearest.Reasons, request.At);
        }

        var chosen = covering[0];
        var purpose = chosen.Content.PurposeOf(request.Purpose)!;
        return new DsaScopeResult(
            Covered: true,
            DsaId: chosen.DsaId,
            DsaVersion: chosen.Version,
            RequiresConsent: purpose.RequiresConsent,
            AllowsSafeguardingOverride: purpose.AllowsSafeguardingOverride,
            LawfulBasis: purpose.LawfulBasis,
            RetentionDays: chosen.Content.RetentionDays,
            Reasons: [],
            AlsoCoveredBy: [.. covering.Skip(1).Select(a => a.DsaId)],
            CheckedAt: request.At);
    }

    private static List<ReasonCode> FailingReasons(CheckDsaScope request, DsaContent content)
    {
        var reasons = new List<ReasonCode>();
        if (content.PartyOf(request.RequesterOrgId)?.CanReceive() != true)
        {
            reasons.Add(ReasonCode.RequesterNotParty);
        }

        if (content.PartyOf(request.HolderOrgId)?.CanProvide() != true)
        {
            reasons.Add(ReasonCode.HolderNotParty);
        }

        var purpose = content.PurposeOf(request.Purpose);
        if (purpose is null)
        {
            reasons.Add(ReasonCode.PurposeNotInDsa);
        }
        else if (request.DataCategories is null
                 || request.DataCategories.Count == 0
                 || request.DataCategories.Any(c => !purpose.DataCategories.Contains(c, StringComparer.Ordinal)))
        {
            reasons.Add(ReasonCode.CategoryOutOfScope);
        }

        return reasons;
    }
}
