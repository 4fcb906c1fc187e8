namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// The registry's own Marten events of a DSA's stream, named so that they cannot be taken for the
/// published contracts (<c>ConsentPlatform.Contracts.DsaRegistry.DsaDrafted</c> …), which
/// <c>Publishing/DsaEventContracts</c> maps them to at the edge, adding the event id and the version.
/// PostgreSQL keeps each under the name it was first stored as (<see cref="StoredNames"/>).
/// </summary>
public static class AgreementEvent
{
    public sealed record Drafted(Guid DsaId, DsaContent Content, EventActor DraftedBy, DateTimeOffset DraftedAt);

    public sealed record Amended(Guid DsaId, DsaContent Content, EventActor AmendedBy, DateTimeOffset AmendedAt);

    public sealed record Activated(Guid DsaId, EventActor ActivatedBy, DateTimeOffset ActivatedAt);

    public sealed record Suspended(Guid DsaId, string Reason, EventActor SuspendedBy, DateTimeOffset SuspendedAt);

    public sealed record Reinstated(Guid DsaId, EventActor ReinstatedBy, DateTimeOffset ReinstatedAt);

    public sealed record Terminated(Guid DsaId, string Reason, EventActor TerminatedBy, DateTimeOffset TerminatedAt);

    /// <summary>A party's IG officer signed the terms as they stand at <c>SignedVersion</c> (issue 17).</summary>
    public sealed record Signed(Guid DsaId, long SignedVersion, string OrgId, EventActor SignedBy, DateTimeOffset SignedAt);

    /// <summary>
    /// Each event's name in <c>mt_events.type</c>: the one Marten gave the type of before the rename
    /// (<c>DsaDrafted</c> → <c>dsa_drafted</c>), so the events already stored read back as these types.
    /// Never change one: add a new event instead.
    /// </summary>
    public static IReadOnlyDictionary<Type, string> StoredNames { get; } = new Dictionary<Type, string>
    {
        [typeof(Drafted)] = "dsa_drafted",
        [typeof(Amended)] = "dsa_amended",
        [typeof(Activated)] = "dsa_activated",
        [typeof(Suspended)] = "dsa_suspended",
        [typeof(Reinstated)] = "dsa_reinstated",
        [typeof(Terminated)] = "dsa_terminated",
        [typeof(Signed)] = "dsa_signed",
    };
}
