namespace ConsentPlatform.Audit.Replaying;

/// <summary>
/// Re-runs one decision with the very code that made it: the consent and DSA versions as they
/// stood at the decision's <c>checkedAt</c> (<see cref="StateAtMoment"/>), judged by the shared
/// <see cref="ConsentRule"/>, <see cref="DsaScope"/> and <see cref="ShareRulebook"/>, then compared
/// with what was recorded: outcome, reason codes, and the consent and DSA versions named. Pure.
/// </summary>
public static class DecisionReplay
{
    /// <summary>The decision an event records: the request's (approved, denied, awaiting), and each re-check at release and read.</summary>
    public static ShareDecision? RecordedDecisionOf(IPlatformEvent e) => e switch
    {
        DisclosureApproved x => x.Decision,
        DisclosureDenied x => x.Decision,
        DisclosureAwaitingOverrideApproval x => x.Decision,
        DisclosureReleased x => x.Decision,
        DisclosureReleaseRefused x => x.Decision,
        PackageRead x => x.Decision,
        PackageReadRefused x => x.Decision,
        _ => null,
    };

    /// <summary>Whether the event is the request's own decision (rather than a re-check at release or read).</summary>
    public static bool IsRequestDecision(IPlatformEvent e) => e is DisclosureApproved or DisclosureDenied or DisclosureAwaitingOverrideApproval;

    public static ShareDecision Replay(ShareRequest request, DateTimeOffset at, OverrideApproval? approval, IReadOnlyCollection<IPlatformEvent> consentEvents, IReadOnlyCollection<IPlatformEvent> dsaEvents)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dsa = DsaScope.Check(
            new CheckDsaScope(request.RequesterOrgId, request.HolderOrgId, request.Purpose, request.DataCategories, at),
            StateAtMoment.Dsas(dsaEvents, at));
        var consent = request.Basis == ShareBasis.Consent
            ? ConsentRule.Check(
                ConsentRule.Choose(StateAtMoment.Consents(consentEvents, request.SubjectId, request.Purpose, at)),
                new CheckConsent(request.SubjectId, request.Purpose, request.RequesterOrgId, request.DataCategories, at))
            : null;
        return ShareRulebook.Decide(request, consent, dsa, approval, at);
    }

    public static ReplayedDecision Compare(string eventType, long sequence, ShareDecision recorded, ShareDecision replayed)
    {
        var differences = new List<string>();
        if (recorded.Outcome != replayed.Outcome)
        {
            differences.Add($"outcome: recorded {Kebab(recorded.Outcome)}, replayed {Kebab(replayed.Outcome)}");
        }

        var recordedCodes = recorded.Reasons.Select(r => Kebab(r.Code)).ToList();
        var replayedCodes = replayed.Reasons.Select(r => Kebab(r.Code)).ToList();
        if (!recordedCodes.SequenceEqual(replayedCodes, StringComparer.Ordinal))
        {
            differences.Add($"reasons: recorded [{string.Join(", ", recordedCodes)}], replayed [{string.Join(", ", replayedCodes)}]");
        }

        Differ(differences, "consentId", recorded.ConsentId, replayed.ConsentId);
        Differ(differences, "consentVersion", recorded.ConsentVersion, replayed.ConsentVersion);
        Differ(differences, "dsaId", recorded.DsaId, replayed.DsaId);
        Differ(differences, "dsaVersion", recorded.DsaVersion, replayed.DsaVersion);
        return new ReplayedDecision(eventType, sequence, recorded, replayed, differences.Count == 0, differences);
    }

    private static void Differ<T>(List<string> differences, string field, T? recorded, T? replayed) where T : struct
    {
        if (!Nullable.Equals(recorded, replayed))
        {
            differences.Add($"{field}: recorded {recorded?.ToString() ?? "none"}, replayed {replayed?.ToString() ?? "none"}");
        }
    }

    private static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
