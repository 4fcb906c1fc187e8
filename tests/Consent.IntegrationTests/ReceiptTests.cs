using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Consent receipts (issue 16 §4): each grant, pause, resume and withdrawal earns one, issued by the
/// receipt subscription after asking the stand-in registry; each is verified with jose-jwt, a JOSE
/// library independent of the one that signs, against the JWKS the service publishes anonymously.
/// </summary>
public sealed class ReceiptTests(ConsentApi api)
{
    private const string School = Support.Api.Org;
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(30);

    private record ReceiptBody(long Version, DateTimeOffset IssuedAt, string Jws);

    private static async Task<IReadOnlyList<ReceiptBody>> ReceiptsAsync(HttpClient client, Guid consentId)
    {
        var text = await client.OkTextAsync($"/api/consents/{consentId}/receipts");
        return JsonSerializer.Deserialize<List<ReceiptBody>>(text, JsonSerializerOptions.Web)!;
    }

    /// <summary>Polls (bounded) until <paramref name="count"/> receipts are issued: they follow their change asynchronously.</summary>
    private static async Task<IReadOnlyList<ReceiptBody>> AwaitReceiptsAsync(HttpClient client, Guid consentId, int count)
    {
        var deadline = DateTime.UtcNow + ReceiptWait;
        while (true)
        {
            var receipts = await ReceiptsAsync(client, consentId);
            if (receipts.Count >= count || DateTime.UtcNow > deadline) return receipts;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<JwkSet> KeysAsync()
    {
        using var anonymous = api.Host.CreateClient();
        return JwkSet.FromJson(await anonymous.OkTextAsync("/api/consents/receipt-keys"), JWT.DefaultSettings.JsonMapper);
    }

    /// <summary>The payload, once jose-jwt has checked the signature with the JWKS key the header names.</summary>
    private static JsonElement Verified(string jws, JwkSet keys)
    {
        var kid = (string)JWT.Headers(jws)["kid"];
        var key = Assert.Single(keys, k => k.KeyId == kid);
        var json = JWT.Decode(jws, key, JwsAlgorithm.ES256);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Grant_pause_resume_and_withdraw_each_issue_a_receipt_that_verifies_against_the_published_keys()
    {
        var purpose = Agreements.NewPurpose();
        var agreement = Agreements.Active(purpose);
        api.Parties.AddAgreement(agreement);
        using var carer = await api.YoungCarerGrantsAsync(purpose);
        using (await carer.ActAsync("pause", new { reason = "not now" })) { }
        using (await carer.ActAsync("resume")) { }
        using (await carer.ActAsync("withdraw")) { }

        var receipts = await AwaitReceiptsAsync(carer.Client, carer.Consent.Id, 4);
        var keys = await KeysAsync();

        Assert.Equal([1L, 2L, 3L, 4L], receipts.Select(r => r.Version));
        var payloads = receipts.Select(r => Verified(r.Jws, keys)).ToList();
        Assert.Equal(["active", "paused", "active", "withdrawn"], payloads.Select(p => p.GetProperty("consentStatus").GetString()));
        Assert.Equal(4, payloads.Select(p => p.GetProperty("consentReceiptID").GetString()).Distinct().Count());
        foreach (var (payload, version) in payloads.Select((p, i) => (p, i + 1L)))
        {
            Assert.Equal(carer.Consent.Id, payload.GetProperty("consentId").GetGuid());
            Assert.Equal(version, payload.GetProperty("consentVersion").GetInt64());
            Assert.Equal(carer.Subject, payload.GetProperty("piiPrincipalId").GetString());
            Assert.Equal("GB-ENG", payload.GetProperty("jurisdiction").GetString());
            Assert.Equal("en", payload.GetProperty("language").GetString());
            Assert.Equal([Agreements.CouncilName, Agreements.SchoolName], payload.GetProperty("piiControllers").Texts("piiController"));
            Assert.Equal(["holder", "recipient"], payload.GetProperty("piiControllers").Texts("role"));
            var policy = Assert.Single(payload.GetProperty("policies").EnumerateArray());
            Assert.Equal((agreement.DsaId, 3L, agreement.Content.Title), (policy.GetProperty("dsaId").GetGuid(), policy.GetProperty("version").GetInt64(), policy.GetProperty("title").GetString()));
            var purposeOf = Assert.Single(Assert.Single(payload.GetProperty("services").EnumerateArray()).GetProperty("purposes").EnumerateArray());
            Assert.Equal(purpose, purposeOf.GetProperty("purpose").GetString());
            Assert.Equal("EXPLICIT", purposeOf.GetProperty("consentType").GetString());
            Assert.Equal(["identity.basic", "caring.role", "education.attendance"], purposeOf.GetProperty("piiCategory").Texts("code"));
            Assert.Equal(new[] { "identity.basic", "caring.role", "education.attendance" }.Select(PlainWords.Category), purposeOf.GetProperty("piiCategory").Texts("description"));
            Assert.Equal([Agreements.SchoolName], purposeOf.GetProperty("thirdPartyName").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("until withdrawn", purposeOf.GetProperty("termination").GetString());
            Assert.False(payload.GetProperty("sensitive").GetBoolean());
        }

        Assert.StartsWith("Given by the young person", payloads[0].GetProperty("collectionMethod").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Withdrawn by the young person", payloads[3].GetProperty("collectionMethod").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_recorded_in_person_names_the_practitioners_organisation_and_health_data_is_marked_sensitive()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose, basis: new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), categories: ["health.mental", "caring.role"]));
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        var consent = await practitioner.GrantedAsync(GrantBody(subject, purpose));

        var receipt = Assert.Single(await AwaitReceiptsAsync(practitioner, consent.Id, 1));
        var payload = Verified(receipt.Jws, await KeysAsync());

        Assert.Equal($"Recorded in person by a practitioner of {Agreements.SchoolName}", payload.GetProperty("collectionMethod").GetString());
        Assert.True(payload.GetProperty("sensitive").GetBoolean());
        Assert.Equal(["health.mental"], payload.GetProperty("spiCat").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task While_the_registry_does_not_answer_no_receipt_is_issued_and_once_it_does_the_receipt_names_the_organisations()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        var subject = NewSubject();
        using var carer = api.YoungCarer(subject);
        api.Parties.SilenceExplanations(purpose);
        Guid consentId;
        try
        {
            consentId = (await carer.GrantedAsync(GrantBody(subject, purpose))).Id;

            // Nothing to wait for: while the registry is silent, no receipt can have been issued, guessed or not.
            Assert.Empty(await ReceiptsAsync(carer, consentId));
        }
        finally
        {
            api.Parties.AnswerExplanations(purpose);
        }

        var receipt = Assert.Single(await AwaitReceiptsAsync(carer, consentId, 1));
        var payload = Verified(receipt.Jws, await KeysAsync());
        Assert.Equal([Agreements.CouncilName, Agreements.SchoolName], payload.GetProperty("piiControllers").Texts("piiController"));
    }

    [Fact]
    public async Task Processing_the_events_again_issues_no_second_receipt_and_changes_none()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        using var carer = await api.YoungCarerGrantsAsync(purpose);
        using (await carer.ActAsync("pause")) { }
        var before = await AwaitReceiptsAsync(carer.Client, carer.Consent.Id, 2);
        Assert.Equal(2, before.Count);

        var daemon = api.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RewindSubscriptionAsync(ReceiptIssuingSubscription.SubscriptionName, TestContext.Current.CancellationToken, sequenceFloor: 0);
        // Receipts are issued in event order: once a consent granted after the rewind has its
        // receipt, every earlier event has been processed again.
        var laterSubject = NewSubject();
        using var later = api.YoungCarer(laterSubject);
        var laterConsent = await later.GrantedAsync(GrantBody(laterSubject, purpose));
        Assert.Single(await AwaitReceiptsAsync(later, laterConsent.Id, 1));

        // The same receipts, byte for byte: an ES256 signature differs each time it is made, so a
        // receipt issued again would show here even under the same id.
        Assert.Equal(before, await ReceiptsAsync(carer.Client, carer.Consent.Id));
    }

    [Fact]
    public async Task The_receipt_keys_are_a_public_JWKS_anyone_may_read_each_kid_its_RFC_7638_thumbprint()
    {
        var keys = await KeysAsync();

        var key = Assert.Single(keys);
        Assert.Equal(("EC", "P-256", "sig", "ES256"), (key.Kty, key.Crv, key.Use, key.Alg));
        Assert.Null(key.D);
        Assert.Equal(Receipts.ReceiptKey.Thumbprint(key.X, key.Y), key.KeyId);
    }

    [Fact]
    public async Task Another_young_carers_receipts_answer_like_an_unknown_consent()
    {
        using var carer = await api.YoungCarerGrantsAsync("school-support");
        using var other = api.YoungCarer(NewSubject());

        using var theirs = await other.ReadAsync($"/api/consents/{carer.Consent.Id}/receipts");
        using var unknown = await other.ReadAsync($"/api/consents/{Guid.NewGuid()}/receipts");

        Assert.Empty(await theirs.ProblemAsync(HttpStatusCode.NotFound));
        Assert.Empty(await unknown.ProblemAsync(HttpStatusCode.NotFound));
        Assert.Single(await AwaitReceiptsAsync(carer.Client, carer.Consent.Id, 1));
    }

    [Theory]
    [InlineData("/api/consents/{id}/receipts", "ListConsentReceipts", new[] { "200", "404" })]
    [InlineData("/api/consents/receipt-keys", "GetReceiptKeys", new[] { "200" })]
    public async Task The_openapi_document_declares_both_routes_with_a_summary_and_their_responses(string path, string operationId, string[] statuses)
    {
        var operation = await api.SummarisedOperationAsync(path, operationId);

        foreach (var status in statuses) Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), status);
    }
}
