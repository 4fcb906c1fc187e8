using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// <c>GET /fhir/AuditEvent</c> (issue 21) on the real service and ledger: one AuditEvent per
/// decision, release, read and refusal, by disclosure or by young carer and date; a young carer
/// sees their own without the people who acted, another's as an empty Bundle, nothing of a
/// request a notice delay still covers; errors are OperationOutcomes.
/// </summary>
public sealed class FhirAuditEventTests(AuditFixture audit)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> FhirAsync(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static IReadOnlyList<string?> Kinds(JsonElement bundle) =>
    [
        .. bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("subtype").EnumerateArray()
            .Single(c => c.GetProperty("system").GetString()!.EndsWith("/CodeSystem/disclosure-event", StringComparison.Ordinal)).GetProperty("code").GetString()),
    ];

    private async Task<(Samples Samples, DisclosureStory Story)> StoryAsync()
    {
        var s = new Samples();
        var story = new DisclosureStory(s);
        var t = StoryStart(s);
        var consentId = Guid.NewGuid();
        var dsaId = Guid.NewGuid();
        var approved = Decision(ShareOutcome.Approved, t, consentId, 1, dsaId, 2);
        IPlatformEvent[] events =
        [
            story.Requested(t), story.Approved(approved), story.Released(approved with { CheckedAt = t.AddHours(1) }),
            story.Read(approved with { CheckedAt = t.AddHours(2) }),
            story.ReadRefused(Decision(ShareOutcome.Denied, t.AddDays(1), consentId, 2, dsaId, 2, ReasonCode.ConsentPaused)),
        ];
        await audit.LedgerAsync(events);
        return (s, story);
    }

    /// <summary>
    /// 01:00 on the samples' day: the story's decision, release and read (over two hours) fall on one
    /// day and its refusal on the next, whatever hour the samples drew (from 22:00 the read fell on the next day).
    /// </summary>
    private static DateTimeOffset StoryStart(Samples s) => new DateTimeOffset(s.T0.UtcDateTime.Date, TimeSpan.Zero).AddHours(1);

    [Fact]
    public async Task An_auditor_finds_one_AuditEvent_per_decision_release_read_and_refusal_of_a_disclosure()
    {
        var (_, story) = await StoryAsync();
        using var auditor = audit.Auditor();

        var bundle = await FhirAsync(auditor, $"/fhir/AuditEvent?entity={story.DisclosureId}");

        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        Assert.Equal(4, bundle.GetProperty("total").GetInt32());
        Assert.Equal(["decision", "release", "read", "refusal"], Kinds(bundle));
        Assert.Contains("ms-lee", bundle.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("consent-paused", bundle.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_carer_finds_their_own_by_date_without_people_and_another_finds_nothing()
    {
        var (s, story) = await StoryAsync();
        using var carer = audit.YoungCarer(s.Subject);
        using var stranger = audit.YoungCarer("yc-" + Guid.NewGuid().ToString("N")[..12]);
        var day = StoryStart(s).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sameDay = await FhirAsync(carer, $"/fhir/AuditEvent?patient={s.Subject}&date={day}");
        var later = await FhirAsync(carer, $"/fhir/AuditEvent?patient={s.Subject}&date=gt{day}");
        var byEntity = await FhirAsync(stranger, $"/fhir/AuditEvent?entity={story.DisclosureId}");
        var byPatient = await FhirAsync(stranger, $"/fhir/AuditEvent?patient={s.Subject}");

        Assert.Equal(3, sameDay.GetProperty("total").GetInt32());
        Assert.Equal(["refusal"], Kinds(later));
        Assert.DoesNotContain("ms-lee", sameDay.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, byEntity.GetProperty("total").GetInt32());
        Assert.Equal(0, byPatient.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_request_a_notice_delay_still_covers_is_not_shown_to_the_young_carer()
    {
        var (s, story) = await StoryAsync();
        var delayed = new OverrideNoticeDelayed(Guid.NewGuid(), story.DisclosureId, s.Subject, s.Purpose, s.School, s.Council, DateTimeOffset.UtcNow.AddDays(7), "Risk to the young person", story.Lead, DateTimeOffset.UtcNow);
        await audit.LedgerAsync(delayed);
        using var carer = audit.YoungCarer(s.Subject);
        using var auditor = audit.Auditor();

        Assert.Equal(0, (await FhirAsync(carer, $"/fhir/AuditEvent?patient={s.Subject}")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await FhirAsync(auditor, $"/fhir/AuditEvent?patient={s.Subject}")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/fhir/AuditEvent")]
    [InlineData("/fhir/AuditEvent?entity=not-a-uuid")]
    [InlineData("/fhir/AuditEvent?patient=yc-1&date=yesterday")]
    [InlineData("/fhir/AuditEvent?patient=yc-1&action=R")]
    [InlineData("/fhir/AuditEvent?patient=yc-1&date=ge2026-01-01&date=le2026-02-01&date=2026-01-15")]
    public async Task A_bad_search_is_400_with_an_OperationOutcome(string path)
    {
        using var auditor = audit.Auditor();
        var outcome = await FhirAsync(auditor, path, HttpStatusCode.BadRequest);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal("invalid", outcome.GetProperty("issue")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_practitioner_is_403_with_an_OperationOutcome()
    {
        using var practitioner = audit.Host.ClientFor(PlatformRoles.Practitioner, org: "school-1");
        var outcome = await FhirAsync(practitioner, $"/fhir/AuditEvent?entity={Guid.NewGuid()}", HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", outcome.GetProperty("issue")[0].GetProperty("code").GetString());
    }
}
