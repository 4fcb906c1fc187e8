namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// A safeguarding lead (<see cref="Actor"/>, never the requester <see cref="RequestedBy"/>) approved
/// a safeguarding share. <see cref="Rationale"/> is for the ledger and auditors only; views for the
/// young carer must not show it. Followed by <see cref="DisclosureApproved"/> or
/// <see cref="DisclosureDenied"/> (the rules are checked again live at approval).
/// </summary>
public sealed record SafeguardingOverrideApproved(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    string RequestedBy,
    string Rationale,
    OverrideApproval Approval,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
