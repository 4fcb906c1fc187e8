using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// <see cref="ConsentReceiptPayload.Build"/> (the Kantara v1.1 fields a change of a consent earns),
/// <see cref="ReceiptWorthyChange.From"/> (which changes earn one) and the key's RFC 7638 thumbprint.
/// </summary>
public sealed class ReceiptTests
{
    private const ConsentPlatform.Contracts.Consent.ConsentStatus ContractsConsentStatusActive = ConsentPlatform.Contracts.Consent.ConsentStatus.Active;

    private static readonly Guid DsaId = Guid.Parse("0196b0c0-0000-7000-8000-000000000001");
    private static readonly Guid ReceiptId = Guid.Parse("0196b0c0-0000-7000-8000-0000000000ee");
    private static readonly PurposeOrganisation Council = new("la-1", "Example Council", SharingRole.Holder);
    private static readonly PurposeOrganisation School = new("school-1", "Example School", SharingRole.Recipient);
    private static readonly PurposeOrganisation Surgery = new("gp-1", "Hill Surgery", SharingRole.Recipient);

    private static PurposeExplanation Covering(LawfulBasis? basis = null, IReadOnlyList<string>? categories = null) => new(
        "school-support",
        Covered: true,
        "So your school can help you with attendance and homework around your caring.",
        [Council, School, Surgery],
        categories ?? ["identity.basic", "caring.role"],
        90,
        basis ?? new LawfulBasis(Article6Basis.Consent, null),
        [new PurposeAgreement(DsaId, 3, "Young carers: council and school", GrantedAt.AddYears(1))],
        Later);

    private static ConsentReceiptPayload Receipt(object @event, PurposeExplanation? agreements = null) =>
        ConsentReceiptPayload.Build(ReceiptWorthyChange.From(@event)!, agreements ?? Covering(), ReceiptId, "kid-1");

    [Fact]
    public void Given_a_grant_in_the_portal_When_its_receipt_is_built_Then_it_carries_the_Kantara_fields_from_the_consent_and_the_agreement()
    {
        var receipt = Receipt(Granted());

        Assert.Equal(("KI-CR-v1.1.0", "GB-ENG", "en"), (receipt.Version, receipt.Jurisdiction, receipt.Language));
        Assert.Equal(GrantedAt.ToUnixTimeSeconds(), receipt.ConsentTimestamp);
        Assert.Equal("Given by the young person themself in the portal", receipt.CollectionMethod);
        Assert.Equal(ReceiptId.ToString(), receipt.ConsentReceiptId);
        Assert.Equal(new ReceiptPublicKeyReference("kid-1", "/api/consents/receipt-keys"), receipt.PublicKey);
        Assert.Equal("yc-1", receipt.PiiPrincipalId);
        Assert.Equal(
            [new ReceiptController("Example Council", "la-1", SharingRole.Holder), new ReceiptController("Example School", "school-1", SharingRole.Recipient), new ReceiptController("Hill Surgery", "gp-1", SharingRole.Recipient)],
            receipt.PiiControllers);
        Assert.Equal($"urn:consentplatform:dsa:{DsaId}:v3", receipt.PolicyUrl);
        Assert.Equal([new ReceiptPolicy(DsaId, 3, "Young carers: council and school", $"urn:consentplatform:dsa:{DsaId}:v3")], receipt.Policies);
        var purpose = Assert.Single(Assert.Single(receipt.Services).Purposes);
        Assert.Equal("school-support", purpose.Purpose);
        Assert.Equal("So your school can help you with attendance and homework around your caring.", purpose.Description);
        Assert.Equal(["article-6-consent"], purpose.PurposeCategory);
        Assert.Equal("EXPLICIT", purpose.ConsentType);
        Assert.Equal([new ReceiptCategory("identity.basic", PlainWords.Category("identity.basic")), new ReceiptCategory("caring.role", PlainWords.Category("caring.role"))], purpose.PiiCategory);
        Assert.True(purpose.PrimaryPurpose);
        Assert.Equal("until withdrawn", purpose.Termination);
        Assert.True(purpose.ThirdPartyDisclosure);
        Assert.Equal(["Example School", "Hill Surgery"], purpose.ThirdPartyName);
        Assert.False(receipt.Sensitive);
        Assert.Empty(receipt.SpiCat);
        Assert.Equal((ConsentId, 1L, "active"), (receipt.ConsentId, receipt.ConsentVersion, receipt.ConsentStatus));
    }

    [Fact]
    public void Given_an_expiry_date_When_built_Then_termination_is_that_instant()
    {
        var receipt = Receipt(Granted(Terms(expiresAt: ExpiresAt)));

        Assert.Equal(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(Assert.Single(receipt.Services).Purposes).Termination);
    }

    [Fact]
    public void Given_an_article_9_condition_When_built_Then_sensitive_with_the_health_categories_as_spiCat()
    {
        var receipt = Receipt(Granted(), Covering(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), ["health.mental", "caring.role"]));

        Assert.True(receipt.Sensitive);
        Assert.Equal(["health.mental"], receipt.SpiCat);
        Assert.Equal(["article-9-health-or-social-care"], Assert.Single(Assert.Single(receipt.Services).Purposes).PurposeCategory);
    }

    [Fact]
    public void Given_a_consent_recorded_in_person_When_built_Then_the_practitioners_organisation_is_named_by_the_agreement()
    {
        var recorded = new ConsentEvent.Granted(ConsentId, 1, Terms(), Practitioner, GrantedAt);

        Assert.Equal("Recorded in person by a practitioner of Example School", Receipt(recorded).CollectionMethod);
        Assert.Equal("Recorded in person by a practitioner of school-1", Receipt(recorded, PurposeExplanation.NotCovered("school-support", Later)).CollectionMethod);
    }

    [Fact]
    public void Given_each_change_When_built_Then_the_collection_method_and_status_say_what_happened()
    {
        var accepted = new ConsentEvent.Accepted(ConsentId, 2, Terms(), YoungCarer, Later);
        var resumed = new ConsentEvent.Resumed(ConsentId, 3, Terms(), GrantedAt, YoungCarer, Later);

        Assert.Equal(("A proposal accepted by the young person themself in the portal", "active"), (Receipt(accepted).CollectionMethod, Receipt(accepted).ConsentStatus));
        Assert.Equal(("Paused by the young person themself in the portal", "paused"), (Receipt(Paused()).CollectionMethod, Receipt(Paused()).ConsentStatus));
        Assert.Equal(("Resumed by the young person themself in the portal", "active"), (Receipt(resumed).CollectionMethod, Receipt(resumed).ConsentStatus));
        Assert.Equal(("Withdrawn by the young person themself in the portal", "withdrawn"), (Receipt(Withdrawn(4)).CollectionMethod, Receipt(Withdrawn(4)).ConsentStatus));
        Assert.Equal(4, Receipt(Withdrawn(4)).ConsentVersion);
    }

    [Fact]
    public void Given_a_parents_consent_confirmed_or_paused_unconfirmed_When_built_Then_the_receipt_says_who_did_it()
    {
        // Issue 20: the young person's confirmation earns a receipt; a pause by the platform's job says it was the platform.
        var confirmed = new ConsentEvent.ProxyConfirmed(ConsentId, 3, Terms(), GrantedAt, ContractsConsentStatusActive, YoungCarer, Later);
        var pausedByJob = new ConsentEvent.Paused(ConsentId, 3, Terms() with { GivenBy = ConsentPlatform.Contracts.Consent.GivenBy.Parent, Proxy = new ConsentPlatform.Contracts.Consent.ConsentProxy("mother") }, GrantedAt, ConsentActors.ConfirmationJob, "Not confirmed in time.", Later);

        Assert.Equal(("Confirmed as their own by the young person themself in the portal", "active", 3L), (Receipt(confirmed).CollectionMethod, Receipt(confirmed).ConsentStatus, Receipt(confirmed).ConsentVersion));
        Assert.Equal("Paused by the platform itself, as its rules require", Receipt(pausedByJob).CollectionMethod);
    }

    [Fact]
    public void Given_proposals_declines_and_expiries_When_asked_Then_they_earn_no_receipt()
    {
        Assert.Null(ReceiptWorthyChange.From(new ConsentEvent.Proposed(ConsentId, 1, Terms(), null, Practitioner, GrantedAt, ExpiresAt)));
        Assert.Null(ReceiptWorthyChange.From(new ConsentEvent.Declined(ConsentId, 2, Terms(), GrantedAt, YoungCarer, null, Later)));
        Assert.Null(ReceiptWorthyChange.From(new ConsentEvent.Expired(ConsentId, 2, Terms(), GrantedAt, ConsentActors.ExpiryJob, ExpiresAt)));
    }

    [Fact]
    public void Given_no_agreement_covering_the_purpose_When_built_Then_nothing_is_guessed()
    {
        var receipt = Receipt(Granted(), PurposeExplanation.NotCovered("school-support", Later));

        Assert.Empty(receipt.PiiControllers);
        Assert.Empty(receipt.Policies);
        var purpose = Assert.Single(Assert.Single(receipt.Services).Purposes);
        Assert.Empty(purpose.PiiCategory);
        Assert.Empty(purpose.ThirdPartyName);
        Assert.False(receipt.Sensitive);
    }

    [Fact]
    public void The_signed_JSON_uses_the_Kantara_member_names()
    {
        using var json = JsonDocument.Parse(Receipt(Granted()).ToJson());
        var root = json.RootElement;

        Assert.Equal(ReceiptId.ToString(), root.GetProperty("consentReceiptID").GetString());
        Assert.Equal("holder", root.GetProperty("piiControllers")[0].GetProperty("role").GetString());
        Assert.Equal("Example Council", root.GetProperty("piiControllers")[0].GetProperty("piiController").GetString());
        Assert.True(root.GetProperty("services")[0].GetProperty("purposes")[0].GetProperty("thirdPartyDisclosure").GetBoolean());
    }

    [Fact]
    public void The_key_id_is_the_RFC_7638_thumbprint_as_another_implementation_computes_it()
    {
        var key = ReceiptKey.Ephemeral();
        var published = Assert.Single(key.Jwks().Keys);
        var jwk = new JsonWebKey { Kty = "EC", Crv = "P-256", X = published.X, Y = published.Y };

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), key.KeyId);
        Assert.Equal(key.KeyId, published.Kid);
        Assert.Equal(ReceiptKey.Thumbprint(published.X, published.Y), published.Kid);
    }

    [Fact]
    public void A_signed_receipt_is_ES256_names_its_key_and_carries_the_payload_unchanged()
    {
        var key = ReceiptKey.Ephemeral();
        var payload = Receipt(Granted()).ToJson();

        var jws = key.Sign(payload);

        var token = new JsonWebToken(jws);
        Assert.Equal(("ES256", key.KeyId), (token.Alg, token.Kid));
        Assert.Equal(payload, Base64UrlEncoder.Decode(jws.Split('.')[1]));
    }

    [Fact]
    public void The_key_file_is_created_once_private_to_its_owner_and_read_back_as_the_same_key()
    {
        var file = Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"receipt-key-{Guid.NewGuid():N}.json");
        try
        {
            var created = ReceiptKey.LoadOrCreate(file);
            var loaded = ReceiptKey.LoadOrCreate(file);

            Assert.Equal(created.KeyId, loaded.KeyId);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
