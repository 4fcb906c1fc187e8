using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Rules;

namespace ConsentPlatform.Disclosure.Domain;

// The disclosure stream's own events, as stored in Marten. Each carries the request (so that it
// can be published on its own as a complete contract, see DisclosureEventContracts), the actor
// and the time. None carries released data: the payload lives, encrypted, in SealedPackage.

/// <summary>The stream's first event, always followed in the same commit by the decision.</summary>
/// <remarks><see cref="RequesterName"/> (the token's display name) lets a later override approval recognise the same person under another role.</remarks>
public sealed record DisclosureRequested(Guid DisclosureId, ShareRequest Request, EventActor RequestedBy, string? RequesterName, DateTimeOffset RequestedAt);

public sealed record DisclosureApproved(Guid DisclosureId, ShareRequest Request, Judgement Judgement, OverrideApproval? Approval, int? RetentionDays, EventActor DecidedBy, DateTimeOffset ApprovedAt)
{
    /// <summary>The package may be read until the DSA's retention window, counted from approval, ends.</summary>
    public DateTimeOffset AvailableUntil => ApprovedAt.AddDays(RetentionDays ?? 0);
}

public sealed record DisclosureDenied(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor DecidedBy, DateTimeOffset DeniedAt);

public sealed record DisclosureAwaitingOverrideApproval(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The rationale is the lead's own words: kept for the ledger, never shown to the young carer.</summary>
public sealed record SafeguardingOverrideApproved(Guid DisclosureId, ShareRequest Request, OverrideApproval Approval, string Rationale, EventActor ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record DisclosureReleased(Guid DisclosureId, ShareRequest Request, IReadOnlyList<string> ReleasedCategories, ShareDecision Decision, DateTimeOffset AvailableUntil, EventActor ReleasedBy, DateTimeOffset ReleasedAt);

public sealed record DisclosureReleaseRefused(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor RefusedTo, DateTimeOffset RefusedAt);

public sealed record PackageRead(Guid DisclosureId, ShareRequest Request, IReadOnlyList<string> ReadCategories, ShareDecision Decision, EventActor ReadBy, DateTimeOffset ReadAt);

public sealed record PackageReadRefused(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor RefusedTo, DateTimeOffset RefusedAt);

/// <summary>Recorded by the purge job (<see cref="DisclosureActors.PurgeJob"/>) or by the read that found the window ended.</summary>
public sealed record PackagePurged(Guid DisclosureId, ShareRequest Request, int RetentionDays, EventActor PurgedBy, DateTimeOffset PurgedAt);

public static class DisclosureActors
{
    /// <summary>The actor of events that no person caused.</summary>
    public static EventActor PurgeJob { get; } = new("system:disclosure-purge", "System", null);
}
