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
            // Issue 20: every purpose of the organisation's active agreements only when asked for explicitly.
            .Where(code => request.AnyPurpose || asked.Contains(code, StringComparer.Ordinal))
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
            .InPrecedenceOrder()
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

    /// <summary>
    /// What the agreements covering the purpose of <paramref name="request"/> say about a share under
    /// the consent it describes (see <see cref="PurposeExplanation"/>). An agreement counts when it is
    /// active, inside its window at the request's time, and contains the purpose; and, when the
    /// consent names recipients, when one of them receives under it; and, when the consent names
    /// categories, when one of them is in the purpose. Any other agreement could never carry a share
    /// under this consent, so nothing of it is shown. Lists keep the order of first appearance,
    /// agreement by agreement in <see cref="Check"/>'s order, party by party and category by category
    /// as the agreement lists them; holders come before recipients.
    /// </summary>
    public static PurposeExplanation Explain(ExplainConsentPurpose request, IEnumerable<DsaSnapshot> agreements)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agreements);
        var recipients = request.RecipientOrgIds ?? [];
        var categories = request.DataCategories ?? [];

        var relevant = agreements
            .Where(a => a.Status == DsaStatus.Active && a.Content.IsInWindow(request.At))
            .InPrecedenceOrder()
            .Select(a => (Agreement: a, Purpose: a.Content.PurposeOf(request.Purpose)))
            .Where(x => x.Purpose is not null
                        && (recipients.Count == 0 || x.Agreement.Content.Parties.Any(p => p.CanReceive() && recipients.Contains(p.OrgId, StringComparer.Ordinal)))
                        && (categories.Count == 0 || x.Purpose.DataCategories.Any(c => categories.Contains(c, StringComparer.Ordinal))))
            .Select(x => (x.Agreement, Purpose: x.Purpose!))
            .ToList();

        if (relevant.Count == 0) return PurposeExplanation.NotCovered(request.Purpose, request.At);

        var organisations = relevant
            .SelectMany(x => x.Agreement.Content.Parties.SelectMany(p => RolesOf(p, recipients)))
            .DistinctBy(o => (o.OrgId, o.Role))
            .OrderBy(o => o.Role) // stable: first appearance within each role
            .ToList();
        var shownCategories = relevant
            .SelectMany(x => x.Purpose.DataCategories)
            .Where(c => categories.Count == 0 || categories.Contains(c, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var first = relevant[0];
        return new PurposeExplanation(
            request.Purpose,
            Covered: true,
            first.Purpose.Description,
            organisations,
            shownCategories,
            relevant.Max(x => x.Agreement.Content.RetentionDays),
            first.Purpose.LawfulBasis,
            [.. relevant.Select(x => new PurposeAgreement(x.Agreement.DsaId, x.Agreement.Version, x.Agreement.Content.Title, x.Agreement.Content.EffectiveTo))],
            request.At);
    }

    /// <summary>A party as the explanation shows it: a holder if it provides; a recipient if it receives and the consent's recipient list (if any) names it.</summary>
    private static IEnumerable<PurposeOrganisation> RolesOf(DsaParty party, IReadOnlyList<string> recipients)
    {
        if (party.CanProvide()) yield return new PurposeOrganisation(party.OrgId, party.Name, SharingRole.Holder);
        if (party.CanReceive() && (recipients.Count == 0 || recipients.Contains(party.OrgId, StringComparer.Ordinal)))
        {
            yield return new PurposeOrganisation(party.OrgId, party.Name, SharingRole.Recipient);
        }
    }

    /// <summary>The one order of agreements every answer uses: the latest <c>effectiveFrom</c> first, then the lowest id (ordinal on the canonical string form).</summary>
    private static IOrderedEnumerable<DsaSnapshot> InPrecedenceOrder(this IEnumerable<DsaSnapshot> agreements) =>
        agreements
            .OrderByDescending(a => a.Content.EffectiveFrom)
            .ThenBy(a => a.DsaId.ToString("D"), StringComparer.Ordinal);

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
