using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.DsaRegistry;

namespace ConsentPlatform.DsaRegistry.Agreements;

// The registry's own Marten events. The published contracts of the same names
// (ConsentPlatform.Contracts.DsaRegistry) are mapped from these at the edge, by
// Publishing/DsaEventContracts, adding the event id and the version Marten gave them.

public sealed record DsaDrafted(Guid DsaId, DsaContent Content, EventActor DraftedBy, DateTimeOffset DraftedAt);

public sealed record DsaAmended(Guid DsaId, DsaContent Content, EventActor AmendedBy, DateTimeOffset AmendedAt);

public sealed record DsaActivated(Guid DsaId, EventActor ActivatedBy, DateTimeOffset ActivatedAt);

public sealed record DsaSuspended(Guid DsaId, string Reason, EventActor SuspendedBy, DateTimeOffset SuspendedAt);

public sealed record DsaReinstated(Guid DsaId, EventActor ReinstatedBy, DateTimeOffset ReinstatedAt);

public sealed record DsaTerminated(Guid DsaId, string Reason, EventActor TerminatedBy, DateTimeOffset TerminatedAt);

/// <summary>A party's IG officer signed the terms as they stand at <c>SignedVersion</c> (issue 17).</summary>
public sealed record DsaSigned(Guid DsaId, long SignedVersion, string OrgId, EventActor SignedBy, DateTimeOffset SignedAt);
