namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>A party's signature as the API shows it: the organisation by code and name, the version of the terms, who, when.</summary>
public sealed record DsaSignatureView(string OrgId, string Name, long Version, string SignedBy, DateTimeOffset SignedAt);

/// <summary>A party still to sign the current terms.</summary>
public sealed record AwaitingSignature(string OrgId, string Name);

/// <summary>
/// A DSA as the API shows it: its content, status and version (also sent as the <c>ETag</c>), and
/// (issue 17) <see cref="TermsVersion"/>, the version of the terms the parties sign, the
/// <see cref="Signatures"/> of those terms and who is <see cref="AwaitingSignatureFrom"/> (empty
/// once it is active or terminated: nothing is waiting), and <see cref="TemplateId"/>, the template
/// it was drafted from. The registry maps its agreement into it (<c>DsaResponses.From</c>).
/// </summary>
public sealed record Dsa(
    Guid Id,
    string Title,
    IReadOnlyList<DsaParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    DateTimeOffset EffectiveFrom,
    DateTimeOffset EffectiveTo,
    int RetentionDays,
    DsaStatus Status,
    long Version,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long TermsVersion = 0,
    IReadOnlyList<DsaSignatureView>? Signatures = null,
    IReadOnlyList<AwaitingSignature>? AwaitingSignatureFrom = null,
    string? DpiaReference = null,
    DateTimeOffset? ReviewBy = null,
    string? TemplateId = null);
