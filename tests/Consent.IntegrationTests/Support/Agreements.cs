namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>Agreements for the stand-in registry to explain purposes from, each for a purpose of the test's own.</summary>
public static class Agreements
{
    public const string Council = "la-1";
    public const string CouncilName = "Example Council";
    public const string SchoolName = "Example School";

    public static string NewPurpose() => "p-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>An active agreement, in its window now: the council provides, <see cref="Api.Org"/> (the school) and any <paramref name="otherRecipients"/> receive.</summary>
    public static DsaSnapshot Active(
        string purpose,
        int retentionDays = 90,
        LawfulBasis? basis = null,
        IReadOnlyList<string>? categories = null,
        params DsaParty[] otherRecipients) =>
        new(
            Guid.NewGuid(),
            3,
            DsaStatus.Active,
            new DsaContent(
                "Young carers: council and school",
                [new DsaParty(Council, CouncilName, DsaPartyRole.Provider), new DsaParty(Api.Org, SchoolName, DsaPartyRole.Recipient), .. otherRecipients],
                [
                    new DsaPurpose(
                        purpose,
                        "So your school can help you with attendance and homework around your caring.",
                        categories ?? ["identity.basic", "caring.role", "education.attendance"],
                        basis ?? new LawfulBasis(Article6Basis.Consent, null),
                        RequiresConsent: true,
                        AllowsSafeguardingOverride: true),
                ],
                DateTimeOffset.UtcNow.AddDays(-1),
                DateTimeOffset.UtcNow.AddDays(365),
                retentionDays));
}
