namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// An IG officer of <see cref="OrgId"/>, a party, signed the DSA's terms as they stand at
/// <see cref="SignedVersion"/> (issue 17): the DSA becomes active only when every party has signed
/// the same terms. <see cref="Version"/> is, as on every DSA event, the DSA's version after it.
/// </summary>
public sealed record DsaSigned(
    Guid EventId,
    Guid DsaId,
    long Version,
    long SignedVersion,
    string OrgId,
    string SignedBy,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}

/// <summary>One party's signature of a DSA's terms: which organisation, which version of the terms, who and when.</summary>
public sealed record DsaSignature(string OrgId, long SignedVersion, string SignedBy, DateTimeOffset SignedAt);
