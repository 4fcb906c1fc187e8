namespace ConsentPlatform.Consent.Linking;

public enum SubjectLinkStatus
{
    /// <summary>A code not yet used (it may have expired: see <see cref="SubjectLink.ExpiresAt"/>).</summary>
    Issued,

    /// <summary>The code was used: a sign-in acts for the subject.</summary>
    Linked,

    /// <summary>The young carer ended the link: the sign-in acts for nobody.</summary>
    Ended,
}

/// <summary>One link code and, once used, the link it made. Kept inline with its events.</summary>
public sealed record SubjectLink(
    Guid Id,
    string SubjectId,
    string CodeHash,
    DateTimeOffset ExpiresAt,
    SubjectLinkStatus Status,
    string? SignInHash,
    DateTimeOffset IssuedAt,
    DateTimeOffset? LinkedAt,
    long Version);

/// <summary>How a link code's events make its state (a separate class: Marten reads an aggregate's own Evolve as its own).</summary>
public static class SubjectLinkEvolution
{
    /// <summary>Null when the code's stream has not begun; every event after the first is a step of the same code.</summary>
    public static SubjectLink? Evolve(SubjectLink? state, object @event) => (state, @event) switch
    {
        (null, LinkCodeIssued e) => new SubjectLink(e.CodeId, e.SubjectId, e.CodeHash, e.ExpiresAt, SubjectLinkStatus.Issued, null, e.IssuedAt, null, 1),
        ({ } s, SignInLinked e) => s with { Status = SubjectLinkStatus.Linked, SignInHash = e.SignInHash, LinkedAt = e.LinkedAt, Version = s.Version + 1 },
        ({ } s, SignInUnlinked) => s with { Status = SubjectLinkStatus.Ended, Version = s.Version + 1 },

        // ADR 0016's one rule: any other event changes nothing but counts as one of the stream's.
        ({ } s, _) => s with { Version = s.Version + 1 },
        _ => state,
    };

    public static SubjectLink? Fold(IEnumerable<object> events, SubjectLink? state = null) => events.Aggregate(state, Evolve);
}

public sealed class SubjectLinkProjection : SingleStreamProjection<SubjectLink, Guid>
{
    public override SubjectLink? Evolve(SubjectLink? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return SubjectLinkEvolution.Evolve(snapshot, e.Data);
    }
}
