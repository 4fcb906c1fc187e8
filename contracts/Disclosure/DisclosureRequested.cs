namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// A practitioner asked for a purpose-specific share: the full request as the rulebook judges it
/// (<see cref="ToShareRequest"/>). Always followed by <see cref="DisclosureApproved"/>,
/// <see cref="DisclosureDenied"/> or <see cref="DisclosureAwaitingOverrideApproval"/>.
/// The justification is the requester's written reason (rule 4 depends on it).
/// </summary>
public sealed record DisclosureRequested(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> DataCategories,
    ShareBasis Basis,
    string? Justification,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public ShareRequest ToShareRequest() =>
        new(SubjectId, Purpose, RequesterOrgId, HolderOrgId, DataCategories, Basis, Justification, Actor.UserId);
}
