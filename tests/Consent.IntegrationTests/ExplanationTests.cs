using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// <c>GET /api/consents/{id}/explanation</c> (issue 16), the registry's part answered over RabbitMQ by
/// the stand-in registry from agreements each test makes for a purpose of its own.
/// </summary>
public sealed class ExplanationTests(ConsentApi api)
{
    /// <summary>The school: a recipient in every agreement of <see cref="Agreements"/>.</summary>
    private const string School = Support.Api.Org;

    private async Task<JsonElement> ExplanationAsync(HttpClient client, Guid consentId)
    {
        using var document = JsonDocument.Parse(await client.OkTextAsync($"/api/consents/{consentId}/explanation"));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_young_carer_reads_which_named_organisations_see_what_in_plain_words_for_how_long_and_why()
    {
        var purpose = Agreements.NewPurpose();
        var agreement = Agreements.Active(purpose, retentionDays: 90);
        api.Parties.AddAgreement(agreement);
        using var carer = await api.YoungCarerGrantsAsync(purpose);

        var body = await ExplanationAsync(carer.Client, carer.Consent.Id);

        Assert.Equal(carer.Consent.Id, body.GetProperty("consentId").GetGuid());
        Assert.Equal(purpose, body.GetProperty("purpose").GetProperty("code").GetString());
        Assert.Equal(agreement.Content.Purposes[0].Description, body.GetProperty("purpose").GetProperty("description").GetString());
        var organisations = body.GetProperty("organisations");
        Assert.Equal([Agreements.Council, School], organisations.Texts("orgId"));
        Assert.Equal([Agreements.CouncilName, Agreements.SchoolName], organisations.Texts("name"));
        Assert.Equal(["holder", "recipient"], organisations.Texts("role"));
        var categories = body.GetProperty("categories");
        Assert.Equal(["identity.basic", "caring.role", "education.attendance"], categories.Texts("code"));
        Assert.Equal(new[] { "identity.basic", "caring.role", "education.attendance" }.Select(PlainWords.Category), categories.Texts("description"));
        Assert.Equal(90, body.GetProperty("keptForDays").GetInt32());
        var basis = body.GetProperty("lawfulBasis");
        Assert.Equal("consent", basis.GetProperty("article6").GetString());
        Assert.False(basis.TryGetProperty("article9", out _));
        Assert.Equal(PlainWords.Article6(Article6Basis.Consent), basis.GetProperty("description").GetString());
        var dsa = Assert.Single(body.GetProperty("agreements").EnumerateArray());
        Assert.Equal(agreement.DsaId, dsa.GetProperty("dsaId").GetGuid());
        Assert.Equal(3, dsa.GetProperty("version").GetInt64());
        Assert.Equal(agreement.Content.Title, dsa.GetProperty("title").GetString());
        Assert.Equal(agreement.Content.EffectiveTo, dsa.GetProperty("effectiveTo").GetDateTimeOffset());
        Assert.True(body.GetProperty("canChangeMind").GetProperty("pause").GetBoolean());
        Assert.True(body.GetProperty("canChangeMind").GetProperty("withdraw").GetBoolean());
        var uses = body.GetProperty("uses");
        Assert.Equal(0, uses.GetProperty("count").GetInt32());
        Assert.False(uses.TryGetProperty("lastUsedAt", out _));
        Assert.False(uses.TryGetProperty("lastUsedByOrgId", out _));
    }

    [Fact]
    public async Task Special_category_data_names_the_article_9_condition_in_words_too()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose, basis: new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), categories: ["health.mental"]));
        using var carer = await api.YoungCarerGrantsAsync(purpose);

        var basis = (await ExplanationAsync(carer.Client, carer.Consent.Id)).GetProperty("lawfulBasis");

        Assert.Equal(("public-task", "health-or-social-care"), (basis.GetProperty("article6").GetString(), basis.GetProperty("article9").GetString()));
        Assert.Equal(
            PlainWords.LawfulBasis(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare)),
            basis.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_consents_own_recipients_and_categories_narrow_what_is_shown()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose, otherRecipients: new DsaParty("gp-1", "Hill Surgery", DsaPartyRole.Recipient)));
        using var carer = await api.YoungCarerGrantsAsync(purpose, recipientOrgIds: [School], dataCategories: ["caring.role"]);

        var body = await ExplanationAsync(carer.Client, carer.Consent.Id);

        Assert.Equal([Agreements.Council, School], body.GetProperty("organisations").Texts("orgId"));
        Assert.Equal(["caring.role"], body.GetProperty("categories").Texts("code"));
    }

    [Fact]
    public async Task Without_an_active_agreement_for_the_purpose_the_explanation_says_so_and_guesses_nothing()
    {
        // No test gives the stand-in registry an agreement for needs-assessment.
        using var carer = await api.YoungCarerGrantsAsync("needs-assessment");

        var body = await ExplanationAsync(carer.Client, carer.Consent.Id);

        Assert.Equal(0, body.GetProperty("agreements").GetArrayLength());
        Assert.Equal(0, body.GetProperty("organisations").GetArrayLength());
        Assert.Equal(0, body.GetProperty("categories").GetArrayLength());
        Assert.False(body.TryGetProperty("keptForDays", out _));
        Assert.False(body.TryGetProperty("lawfulBasis", out _));
        Assert.Equal(PlainWords.Purposes["needs-assessment"], body.GetProperty("purpose").GetProperty("description").GetString());
        Assert.True(body.GetProperty("canChangeMind").GetProperty("withdraw").GetBoolean());
    }

    [Fact]
    public async Task A_paused_consent_can_be_withdrawn_but_not_paused_again()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        using var carer = await api.YoungCarerGrantsAsync(purpose);
        (await carer.ActAsync("pause")).Dispose();

        var change = (await ExplanationAsync(carer.Client, carer.Consent.Id)).GetProperty("canChangeMind");

        Assert.False(change.GetProperty("pause").GetBoolean());
        Assert.True(change.GetProperty("withdraw").GetBoolean());
    }

    [Fact]
    public async Task When_the_registry_does_not_answer_the_explanation_is_503_and_shows_nothing()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        api.Parties.SilenceExplanations(purpose);
        try
        {
            using var carer = await api.YoungCarerGrantsAsync(purpose);

            using var response = await carer.Client.ReadAsync($"/api/consents/{carer.Consent.Id}/explanation");

            await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Check unavailable", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Agreements.SchoolName, text, StringComparison.Ordinal);
        }
        finally
        {
            api.Parties.AnswerExplanations(purpose);
        }
    }

    [Fact]
    public async Task An_unknown_id_and_a_consent_the_caller_may_not_read_are_the_same_404_with_no_data()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        using var carer = await api.YoungCarerGrantsAsync(purpose, recipientOrgIds: ["recipient-org"]);
        using var otherCarer = api.YoungCarer(NewSubject());
        using var stranger = api.Practitioner("stranger-org");

        using var unknown = await carer.Client.ReadAsync($"/api/consents/{Guid.NewGuid()}/explanation");
        using var anotherSubjects = await otherCarer.ReadAsync($"/api/consents/{carer.Consent.Id}/explanation");
        using var strangers = await stranger.ReadAsync($"/api/consents/{carer.Consent.Id}/explanation");

        foreach (var response in new[] { unknown, anotherSubjects, strangers })
        {
            await response.ProblemAsync(HttpStatusCode.NotFound);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(carer.Subject, text, StringComparison.Ordinal);
            Assert.DoesNotContain(purpose, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Agreements.SchoolName, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_the_route_with_a_summary_and_its_problems()
    {
        var operation = await api.SummarisedOperationAsync("/api/consents/{id}/explanation", "GetConsentExplanation");

        foreach (var status in new[] { "200", "404", "503" }) Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), status);
    }
}
