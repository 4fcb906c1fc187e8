using ConsentStatus = ConsentPlatform.Contracts.Consent.ConsentStatus;
using ConsentProxy = ConsentPlatform.Contracts.Consent.ConsentProxy;
using GivenBy = ConsentPlatform.Contracts.Consent.GivenBy;
using Hl7.Fhir.Model;
using FhirConsent = Hl7.Fhir.Model.Consent;

namespace ConsentPlatform.Fhir.Tests;

/// <summary>A consent version, as its events leave it, mapped to a FHIR R4 Consent: every status validates, and says what the JSON API says.</summary>
public sealed class ConsentResourceTests
{
    private static readonly Guid ConsentId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000f1");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor YoungCarer = new("YoungCarer:yc-1:sam", "YoungCarer", null);
    private static readonly EventActor Practitioner = new("Practitioner:URN-2:lee", "Practitioner", "URN-2");

    private static ConsentTerms Terms(GivenBy givenBy = GivenBy.Self, ConsentProxy? proxy = null) =>
        new("yc-1", "school-support", ["URN-2", "LA-1"], ["caring.role", "caring.hours"], givenBy, At.AddDays(90), proxy);

    private static readonly ReceiptPolicy Agreement = new(Guid.Parse("0195b5e4-0000-7000-8000-0000000000d1"), 3, "School support", "urn:consentplatform:dsa:0195b5e4-0000-7000-8000-0000000000d1:v3");

    /// <summary>Each platform status, reached by its own events.</summary>
    public static TheoryData<string> Statuses => ["proposed", "active", "paused", "withdrawn", "expired", "declined"];

    private static object[] EventsReaching(string status)
    {
        var granted = new ConsentEvent.Granted(ConsentId, 1, Terms(), YoungCarer, At);
        var proposed = new ConsentEvent.Proposed(ConsentId, 1, Terms(), "Would this help?", Practitioner, At, At.AddDays(30));
        return status switch
        {
            "proposed" => [proposed],
            "active" => [granted],
            "paused" => [granted, new ConsentEvent.Paused(ConsentId, 2, Terms(), At, YoungCarer, null, At.AddHours(1))],
            "withdrawn" => [granted, new ConsentEvent.Withdrawn(ConsentId, 2, Terms(), At, Practitioner, "Asked in person", At.AddHours(2))],
            "expired" => [granted, new ConsentEvent.Expired(ConsentId, 2, Terms(), At, ConsentActors.ExpiryJob, At.AddDays(90))],
            "declined" => [proposed, new ConsentEvent.Declined(ConsentId, 2, Terms(), At, YoungCarer, "No thanks", At.AddDays(1))],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    private static (FhirConsent Resource, ConsentVersion Version) Latest(string status, IReadOnlyList<ReceiptPolicy>? policies = null)
    {
        var version = ConsentHistoryEndpoint.Versions(EventsReaching(status))[^1];
        var snapshot = new ConsentFhirSnapshot(version.Entry.Consent, version.State.RecordedByOrgId, version.Entry.OccurredAt, policies ?? []);
        return (ConsentResource.ToFhir(snapshot), version);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Each_consent_status_validates_with_zero_errors(string status)
    {
        R4Validator.AssertValid(Latest(status).Resource);
        R4Validator.AssertValid(Latest(status, [Agreement]).Resource);
    }

    [Theory]
    [InlineData("proposed", "proposed")]
    [InlineData("active", "active")]
    [InlineData("paused", "inactive")]
    [InlineData("withdrawn", "inactive")]
    [InlineData("expired", "inactive")]
    [InlineData("declined", "rejected")]
    public void Given_a_consent_When_mapped_Then_FHIR_status_is_the_documented_one_and_the_platform_status_is_tagged(string platform, string fhir)
    {
        var (resource, version) = Latest(platform);
        Assert.Equal(platform, ConsentResource.StatusCode(version.Entry.Consent.Status));
        Assert.Equal(fhir, Hl7.Fhir.Utility.EnumUtility.GetLiteral(resource.Status));
        var tag = Assert.Single(resource.Meta!.Tag);
        Assert.Equal((PlatformTerminology.ConsentStatusSystem, platform), (tag.System, tag.Code));
    }

    [Fact]
    public void Only_an_active_consent_is_active_in_FHIR()
    {
        foreach (var status in Enum.GetValues<ConsentStatus>())
        {
            Assert.Equal(status == ConsentStatus.Active, ConsentResource.FhirStatusOf(status) == FhirConsent.ConsentState.Active);
        }
    }

    [Fact]
    public void Given_a_granted_consent_When_mapped_Then_every_term_is_carried()
    {
        var (resource, version) = Latest("active", [Agreement]);
        var json = version.Entry.Consent;
        Assert.Equal(ConsentId.ToString(), resource.Id);
        Assert.Equal("1", resource.Meta!.VersionId);
        Assert.Equal(At, resource.Meta!.LastUpdated);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"), (resource.Scope!.Coding[0].System, resource.Scope!.Coding[0].Code));
        Assert.Equal(("http://loinc.org", "59284-0"), (resource.Category[0].Coding[0].System, resource.Category[0].Coding[0].Code));
        // The pseudonymous subject, never a name.
        Assert.Equal((PlatformTerminology.SubjectIdSystem, "yc-1"), (resource.Patient!.Identifier!.System, resource.Patient!.Identifier!.Value));
        Assert.Null(resource.Patient!.Display);
        Assert.Equal(new FhirDateTime(json.GrantedAt).Value, resource.DateTime);
        Assert.Equal("yc-1", Assert.Single(resource.Performer).Identifier!.Value);
        Assert.Empty(resource.Organization);
        Assert.Equal(Agreement.PolicyUrl, Assert.Single(resource.Policy).Uri);
        Assert.Equal(FhirConsent.ConsentProvisionType.Permit, resource.Provision!.Type);
        Assert.Equal(new FhirDateTime(At.AddDays(90)).Value, resource.Provision!.Period!.End);
        var purpose = Assert.Single(resource.Provision!.Purpose);
        Assert.Equal((PlatformTerminology.PurposeSystem, "school-support"), (purpose.System, purpose.Code));
        Assert.Equal(["URN-2", "LA-1"], resource.Provision!.Actor.Select(a => a.Reference!.Identifier!.Value));
        Assert.All(resource.Provision!.Actor, a => Assert.Equal("IRCP", a.Role.Coding[0].Code));
        Assert.Equal(["caring.role", "caring.hours"], resource.Provision!.Code.Select(c => c.Coding[0].Code));
        Assert.All(resource.Provision!.Code, c => Assert.Equal(PlatformTerminology.DataCategorySystem, c.Coding[0].System));
    }

    [Fact]
    public void Given_no_recipient_or_category_list_When_mapped_Then_no_actor_or_code_limits_it_and_it_still_validates()
    {
        var open = new ConsentEvent.Granted(ConsentId, 1, new ConsentTerms("yc-1", "gp-carer-register", [], [], GivenBy.Self, null), YoungCarer, At);
        var version = ConsentHistoryEndpoint.Versions([open])[^1];
        var resource = ConsentResource.ToFhir(new ConsentFhirSnapshot(version.Entry.Consent, null, At, []));
        Assert.Empty(resource.Provision!.Actor);
        Assert.Empty(resource.Provision!.Code);
        Assert.Null(resource.Provision!.Period!.End);
        R4Validator.AssertValid(resource);
    }

    [Fact]
    public void Given_a_parents_consent_recorded_in_person_When_mapped_Then_the_performer_is_the_relationship_and_the_organisation_the_recorder()
    {
        var terms = Terms(GivenBy.Parent, new ConsentProxy("mother", "Ann Example"));
        var version = ConsentHistoryEndpoint.Versions([new ConsentEvent.Granted(ConsentId, 1, terms, Practitioner, At)])[^1];
        var resource = ConsentResource.ToFhir(new ConsentFhirSnapshot(version.Entry.Consent, version.State.RecordedByOrgId, At, []));
        var performer = Assert.Single(resource.Performer);
        Assert.Equal(("RelatedPerson", "mother"), (performer.Type, performer.Display));
        Assert.DoesNotContain("Ann Example", FhirJson.ToJson(resource), StringComparison.Ordinal);
        Assert.Equal("URN-2", Assert.Single(resource.Organization).Identifier!.Value);
        R4Validator.AssertValid(resource);
    }

    [Fact]
    public void Given_paused_and_resumed_When_the_versions_are_mapped_Then_three_versions_each_as_the_JSON_history_shows_it()
    {
        var granted = new ConsentEvent.Granted(ConsentId, 1, Terms(), YoungCarer, At);
        var paused = new ConsentEvent.Paused(ConsentId, 2, Terms(), At, YoungCarer, null, At.AddHours(1));
        var resumed = new ConsentEvent.Resumed(ConsentId, 3, Terms(), At, YoungCarer, At.AddHours(2));
        var versions = ConsentHistoryEndpoint.Versions([granted, paused, resumed]);
        var resources = versions.Select(v => ConsentResource.ToFhir(new ConsentFhirSnapshot(v.Entry.Consent, null, v.Entry.OccurredAt, []))).ToList();
        Assert.Equal(["1", "2", "3"], resources.Select(r => r.Meta!.VersionId));
        Assert.Equal(["active", "paused", "active"], resources.Select(r => r.Meta!.Tag[0].Code));
        Assert.Equal([At, At.AddHours(1), At.AddHours(2)], resources.Select(r => r.Meta!.LastUpdated!.Value));
        Assert.All(resources, R4Validator.AssertValid);
    }

    [Fact]
    public void A_receipts_policies_are_read_back_from_its_payload_and_the_latest_receipt_up_to_a_version_counts()
    {
        static string Jws(string payload) => $"e30.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.c2ln";
        var payload = $$"""{"policies":[{"dsaId":"{{Agreement.DsaId}}","version":3,"title":"School support","policyUrl":"{{Agreement.PolicyUrl}}"}]}""";
        var receipts = new[] { new ConsentReceipt(ConsentReceipt.IdOf(ConsentId, 1), ConsentId, 1, At, Jws(payload)), new ConsentReceipt(ConsentReceipt.IdOf(ConsentId, 3), ConsentId, 3, At, Jws("""{"policies":[]}""")) };
        Assert.Equal([Agreement], ReceiptAgreements.At(receipts, 2));
        Assert.Empty(ReceiptAgreements.At(receipts, 3));
        Assert.Empty(ReceiptAgreements.At([], 1));
    }
}
