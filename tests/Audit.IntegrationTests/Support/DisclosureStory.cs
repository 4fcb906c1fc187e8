namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>
/// The disclosure service's events for one request of <see cref="Samples"/>: the school asks the
/// council, and the decisions are written out by hand as the service would have recorded them,
/// so that replay is checked against an independent statement of the rules, not against itself.
/// </summary>
public sealed class DisclosureStory(Samples s, ShareBasis basis = ShareBasis.Consent, string? justification = null)
{
    public Guid DisclosureId { get; } = Guid.NewGuid();

    /// <summary>A story of a test's own: fresh samples, one request under them, an agreement's and a consent's ids, and the samples' start.</summary>
    public static (Samples S, DisclosureStory Story, Guid DsaId, Guid ConsentId, DateTimeOffset T) Begin()
    {
        var s = new Samples();
        return (s, new DisclosureStory(s), Guid.NewGuid(), Guid.NewGuid(), s.T0);
    }

    public IReadOnlyList<string> Categories { get; init; } = ["caring.role"];

    public EventActor Teacher => new($"Practitioner:{s.School}:ms-lee", "Practitioner", s.School);
    public EventActor HolderPractitioner => new($"Practitioner:{s.Council}:sw", "Practitioner", s.Council);
    public EventActor Lead => new($"SafeguardingLead:{s.Council}:lead", "SafeguardingLead", s.Council);

    public DisclosureRequested Requested(DateTimeOffset at) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, basis, justification, Teacher, at);

    public static ShareDecision Decision(ShareOutcome outcome, DateTimeOffset at, Guid? consentId = null, long? consentVersion = null, Guid? dsaId = null, long? dsaVersion = null, params ReasonCode[] reasons) =>
        new(outcome, [.. reasons.Select(r => new ShareReason(r, ShareRulebook.Message(r)))], consentId, consentVersion, dsaId, dsaVersion, at);

    public DisclosureApproved Approved(ShareDecision decision, OverrideApproval? approval = null) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, decision, null, null, approval, 30, Teacher, decision.CheckedAt);

    public DisclosureDenied Denied(ShareDecision decision) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, decision, null, null, Teacher, decision.CheckedAt);

    public DisclosureAwaitingOverrideApproval Awaiting(ShareDecision decision) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, decision, null, null, Teacher, decision.CheckedAt);

    public OverrideApproval Approval(DateTimeOffset at) => new(Lead.UserId, s.Council, "SafeguardingLead", at);

    public SafeguardingOverrideApproved OverrideApproved(DateTimeOffset at, string rationale) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Teacher.UserId, rationale, Approval(at), Lead, at);

    public DisclosureReleased Released(ShareDecision decision) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, decision, decision.CheckedAt.AddDays(30), HolderPractitioner, decision.CheckedAt);

    public PackageRead Read(ShareDecision decision) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, Categories, decision, Teacher, decision.CheckedAt);

    public PackageReadRefused ReadRefused(ShareDecision decision) =>
        new(Guid.NewGuid(), DisclosureId, s.Subject, s.Purpose, s.School, s.Council, decision, null, null, Teacher, decision.CheckedAt);
}
