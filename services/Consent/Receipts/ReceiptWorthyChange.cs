namespace ConsentPlatform.Consent.Receipts;

/// <summary>How a change of a consent was made, as its receipt says in <c>collectionMethod</c>.</summary>
public enum ReceiptChange
{
    Granted,
    Accepted,
    Paused,
    Resumed,
    Withdrawn,

    /// <summary>Issue 20: the young person, assessed competent, made a parent's or guardian's consent their own.</summary>
    Confirmed,
}

/// <summary>
/// A change of a consent the young person gets a receipt for: a grant (in the portal or recorded in
/// person), an accepted proposal, a pause, a resume, a withdrawal, and (issue 20) a confirmation of a
/// parent's or guardian's consent by the young person. A proposal, a decline and an expiry
/// get none: the first two never were an agreement, and an expiry is the term the last receipt
/// already stated (services/Consent/README.md, Receipts).
/// </summary>
public sealed record ReceiptWorthyChange(Guid ConsentId, long Version, ConsentTerms Terms, ReceiptChange Change, string Status, EventActor Actor, DateTimeOffset At)
{
    /// <summary>The change <paramref name="data"/> (a consent stream event) records, or null when it earns no receipt.</summary>
    public static ReceiptWorthyChange? From(object data) => data switch
    {
        ConsentEvent.Granted e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Granted, "active", e.GrantedBy, e.GrantedAt),
        ConsentEvent.Accepted e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Accepted, "active", e.AcceptedBy, e.AcceptedAt),
        ConsentEvent.Paused e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Paused, "paused", e.PausedBy, e.PausedAt),
        ConsentEvent.Resumed e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Resumed, "active", e.ResumedBy, e.ResumedAt),
        ConsentEvent.Withdrawn e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Withdrawn, "withdrawn", e.WithdrawnBy, e.WithdrawnAt),
        ConsentEvent.ProxyConfirmed e => new(e.ConsentId, e.Version, e.Terms, ReceiptChange.Confirmed, e.Status == Contracts.Consent.ConsentStatus.Paused ? "paused" : "active", e.ConfirmedBy, e.ConfirmedAt),
        _ => null,
    };
}
