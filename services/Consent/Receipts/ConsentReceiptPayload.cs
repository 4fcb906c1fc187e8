namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// The payload of a consent receipt: the fields of the Kantara Consent Receipt v1.1 (the basis of
/// ISO/IEC TS 27560) that apply to a young carer's consent, with the Kantara names, plus the
/// consent's id, version and status. Where each field comes from: services/Consent/README.md, Receipts.
/// </summary>
public sealed record ConsentReceiptPayload(
    string Version,
    string Jurisdiction,
    long ConsentTimestamp,
    string CollectionMethod,
    [property: JsonPropertyName("consentReceiptID")] string ConsentReceiptId,
    ReceiptPublicKeyReference PublicKey,
    string Language,
    string PiiPrincipalId,
    IReadOnlyList<ReceiptController> PiiControllers,
    string PolicyUrl,
    IReadOnlyList<ReceiptPolicy> Policies,
    IReadOnlyList<ReceiptService> Services,
    bool Sensitive,
    IReadOnlyList<string> SpiCat,
    Guid ConsentId,
    long ConsentVersion,
    string ConsentStatus)
{
    public const string KantaraVersion = "KI-CR-v1.1.0";
    public const string EnglandAndWales = "GB-ENG";
    public const string UntilWithdrawn = "until withdrawn";
    public const string JwksPath = "/api/consents/receipt-keys";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// The receipt for <paramref name="change"/>, from what the registry said of the agreements
    /// covering the purpose at the moment of the change: a pure function. <paramref name="receiptId"/>
    /// is the change's event id, so that issuing it again yields the same receipt.
    /// </summary>
    public static ConsentReceiptPayload Build(ReceiptWorthyChange change, PurposeExplanation agreements, Guid receiptId, string keyId)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        var covered = agreements.Covered;
        var organisations = covered ? agreements.Organisations : [];
        var categories = covered ? agreements.DataCategories : [];
        var sensitive = covered && agreements.LawfulBasis?.Article9 is not null;
        var terms = change.Terms;
        var purpose = new ReceiptPurpose(
            terms.Purpose,
            PlainWords.Purpose(terms.Purpose, covered ? agreements.Description : null),
            [PurposeCategoryOf(agreements)],
            "EXPLICIT",
            [.. categories.Select(c => new ReceiptCategory(c, PlainWords.Category(c)))],
            PrimaryPurpose: true,
            terms.ExpiresAt is { } expiresAt ? expiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : UntilWithdrawn,
            ThirdPartyDisclosure: true,
            [.. organisations.Where(o => o.Role == SharingRole.Recipient).Select(o => o.Name)]);
        return new ConsentReceiptPayload(
            KantaraVersion,
            EnglandAndWales,
            change.At.ToUnixTimeSeconds(),
            CollectionMethodOf(change, organisations),
            receiptId.ToString(),
            new ReceiptPublicKeyReference(keyId, JwksPath),
            "en",
            terms.SubjectId,
            [.. organisations.Select(o => new ReceiptController(o.Name, o.OrgId, o.Role))],
            covered && agreements.Agreements.Count > 0 ? PolicyUrlOf(agreements.Agreements[0]) : "none: no agreement covers this purpose",
            [.. (covered ? agreements.Agreements : []).Select(a => new ReceiptPolicy(a.DsaId, a.Version, a.Title, PolicyUrlOf(a)))],
            [new ReceiptService(purpose.Description, [purpose])],
            sensitive,
            sensitive ? [.. categories.Where(c => c.StartsWith("health", StringComparison.Ordinal))] : [],
            change.ConsentId,
            change.Version,
            change.Status);
    }

    /// <summary>The JSON that is signed: Kantara's member names, enums in kebab case.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>How the change was made, in words: by whom, where; a practitioner's organisation by its name in the agreement when it names it.</summary>
    public static string CollectionMethodOf(ReceiptWorthyChange change, IReadOnlyList<PurposeOrganisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(organisations);
        // Issue 20: a pause no person made (a proxy consent not confirmed in time) says so.
        var by = change.Actor.Role == "System" ? "by the platform itself, as its rules require"
            : change.Actor.Role == PlatformRoles.YoungCarer
            ? change.Terms.GivenBy switch
            {
                GivenBy.Parent => "by the young person's parent in the portal",
                GivenBy.Guardian => "by the young person's guardian in the portal",
                _ => "by the young person themself in the portal",
            }
            : $"in person by a practitioner of {OrganisationName(change.Actor.OrgId, organisations)}";
        return change.Change switch
        {
            ReceiptChange.Granted when change.Actor.Role != PlatformRoles.YoungCarer => $"Recorded {by}",
            ReceiptChange.Granted => $"Given {by}",
            ReceiptChange.Accepted => $"A proposal accepted {by}",
            ReceiptChange.Paused => $"Paused {by}",
            ReceiptChange.Resumed => $"Resumed {by}",
            ReceiptChange.Confirmed => $"Confirmed as their own {by}",
            _ => $"Withdrawn {by}",
        };
    }

    private static string OrganisationName(string? orgId, IReadOnlyList<PurposeOrganisation> organisations) =>
        organisations.FirstOrDefault(o => string.Equals(o.OrgId, orgId, StringComparison.Ordinal))?.Name ?? orgId ?? "an organisation";

    private static string PolicyUrlOf(PurposeAgreement agreement) => $"urn:consentplatform:dsa:{agreement.DsaId}:v{agreement.Version}";

    private static string PurposeCategoryOf(PurposeExplanation agreements) => agreements.LawfulBasis switch
    {
        { Article9: { } condition } => $"article-9-{JsonNamingPolicy.KebabCaseLower.ConvertName(condition.ToString())}",
        { } basis => $"article-6-{JsonNamingPolicy.KebabCaseLower.ConvertName(basis.Article6.ToString())}",
        null => "not covered",
    };
}

/// <summary>Which key signed the receipt (its RFC 7638 thumbprint) and where its JWKS is published.</summary>
public sealed record ReceiptPublicKeyReference(string Kid, string JwksUri);

/// <summary>An organisation that holds or receives the data, by the name the agreement gives it.</summary>
public sealed record ReceiptController(string PiiController, string OrgId, SharingRole Role);

/// <summary>An agreement (DSA) the consent's sharing is governed by: Kantara's policy.</summary>
public sealed record ReceiptPolicy(Guid DsaId, long Version, string Title, string PolicyUrl);

public sealed record ReceiptService(string Service, IReadOnlyList<ReceiptPurpose> Purposes);

public sealed record ReceiptPurpose(
    string Purpose,
    string Description,
    IReadOnlyList<string> PurposeCategory,
    string ConsentType,
    IReadOnlyList<ReceiptCategory> PiiCategory,
    bool PrimaryPurpose,
    string Termination,
    bool ThirdPartyDisclosure,
    IReadOnlyList<string> ThirdPartyName);

/// <summary>A kind of information covered, and what it means in plain words.</summary>
public sealed record ReceiptCategory(string Code, string Description);
