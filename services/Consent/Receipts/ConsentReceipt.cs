namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// A signed consent receipt, one per consent version: its id is <c>{consentId}:{version}</c>, so the
/// database itself holds at most one, however often the events are processed again.
/// </summary>
public sealed record ConsentReceipt(string Id, Guid ConsentId, long Version, DateTimeOffset IssuedAt, string Jws)
{
    public static string IdOf(Guid consentId, long version) => $"{consentId:N}:{version}";
}

