using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Contracts.Rules;

namespace ConsentPlatform.Disclosure.Domain;

/// <summary>
/// A disclosure as its events leave it: the write model the use cases judge and, kept inline with
/// the events by <see cref="DisclosureProjection"/>, the document every read uses.
/// <see cref="Decision"/> is the decision that set the status; <see cref="LastCheck"/> the most
/// recent live re-check (at release or read).
/// </summary>
public sealed record DisclosureState(
    Guid Id,
    long Version,
    ShareRequest Request,
    EventActor RequestedBy,
    string? RequesterName,
    DateTimeOffset RequestedAt,
    DisclosureStatus Status,
    ShareDecision? Decision,
    ShareDecision? LastCheck,
    OverrideApproval? Approval,
    DateTimeOffset? ApprovedAt,
    int? RetentionDays,
    DateTimeOffset? AvailableUntil,
    IReadOnlyList<string> ReleasedCategories,
    DateTimeOffset? ReleasedAt,
    DateTimeOffset? PurgedAt,
    int Reads,
    DateTimeOffset? LastReadAt)
{
    public string SubjectId => Request.SubjectId;

    /// <summary>At <paramref name="now"/>, is the package past its access window (and so to be purged)?</summary>
    public bool IsPastRetention(DateTimeOffset now) =>
        Status == DisclosureStatus.Released && AvailableUntil is { } until && until <= now;
}
