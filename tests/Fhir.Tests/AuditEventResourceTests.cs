using Hl7.Fhir.Model;

namespace ConsentPlatform.Fhir.Tests;

/// <summary>Each kind of ledgered disclosure event as a FHIR R4 AuditEvent: every one validates, and says who, which organisations, why, the outcome and the versions judged.</summary>
public sealed class AuditEventResourceTests
{
    private static readonly Guid DisclosureId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000a1");
    private static readonly Guid ConsentId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000c1");
    private static readonly Guid DsaId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000d1");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Requester = new("Practitioner:URN-2:lee", "Practitioner", "URN-2");
    private static readonly EventActor Holder = new("Practitioner:LA-1:kim", "Practitioner", "LA-1");
    private static readonly string[] Categories = ["caring.role"];

    private static ShareDecision Approved => new(ShareOutcome.Approved, [], ConsentId, 2, DsaId, 3, At);

    private static ShareDecision Denied => new(ShareOutcome.Denied, [new ShareReason(ReasonCode.ConsentPaused, "The consent is paused.")], ConsentId, 3, DsaId, 3, At);

    /// <summary>Every event the facade serves, by the name of its contract.</summary>
    public static TheoryData<string> Events => [.. AuditEventResource.EventTypes];

    private static IPlatformEvent EventNamed(string name) => name switch
    {
        nameof(DisclosureApproved) => new DisclosureApproved(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories, Approved, null, null, null, 30, Requester, At),
        nameof(DisclosureDenied) => new DisclosureDenied(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories, Denied, null, null, Requester, At),
        nameof(DisclosureAwaitingOverrideApproval) => new DisclosureAwaitingOverrideApproval(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories,
            new ShareDecision(ShareOutcome.AwaitingOverrideApproval, [], null, null, DsaId, 3, At), null, null, Requester, At),
        nameof(DisclosureReleased) => new DisclosureReleased(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories, Approved, At.AddDays(30), Holder, At.AddHours(1)),
        nameof(PackageRead) => new PackageRead(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories, Approved, Requester, At.AddHours(2)),
        nameof(DisclosureReleaseRefused) => new DisclosureReleaseRefused(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Denied, null, null, Holder, At.AddHours(1)),
        nameof(PackageReadRefused) => new PackageReadRefused(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Denied, null, null, Requester, At.AddHours(3)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_audit_event_kind_validates_with_zero_errors_for_an_auditor_and_a_young_carer(string name)
    {
        var e = EventNamed(name);
        R4Validator.AssertValid(AuditEventResource.ToFhir(e, 42, namePeople: true)!);
        R4Validator.AssertValid(AuditEventResource.ToFhir(e, 42, namePeople: false)!);
    }

    [Theory]
    [InlineData(nameof(DisclosureApproved), "decision", "110113", "0")]
    [InlineData(nameof(DisclosureDenied), "decision", "110113", "4")]
    [InlineData(nameof(DisclosureAwaitingOverrideApproval), "decision", "110113", "0")]
    [InlineData(nameof(DisclosureReleased), "release", "110106", "0")]
    [InlineData(nameof(PackageRead), "read", "110107", "0")]
    [InlineData(nameof(DisclosureReleaseRefused), "refusal", "110106", "4")]
    [InlineData(nameof(PackageReadRefused), "refusal", "110107", "4")]
    public void Given_a_ledgered_event_When_mapped_Then_its_kind_BALP_type_and_outcome_are_the_documented_ones(string name, string kind, string dicomType, string outcome)
    {
        var audit = AuditEventResource.ToFhir(EventNamed(name), 7, namePeople: true)!;
        Assert.Equal(("http://dicom.nema.org/resources/ontology/DCM", dicomType), (audit.Type.System, audit.Type.Code));
        Assert.Contains(audit.Subtype, c => c.System == PlatformTerminology.DisclosureEventSystem && c.Code == kind);
        Assert.Equal(outcome, Hl7.Fhir.Utility.EnumUtility.GetLiteral(audit.Outcome));
    }

    [Fact]
    public void A_decision_says_who_asked_for_which_organisation_why_and_the_consent_and_DSA_versions_judged()
    {
        var audit = AuditEventResource.ToFhir(EventNamed(nameof(DisclosureApproved)), 7, namePeople: true)!;
        var person = audit.Agent[0];
        Assert.Equal(("Practitioner:URN-2:lee", true), (person.Who!.Identifier!.Value, person.Requestor));
        Assert.Equal("school-support", person.PurposeOfUse[0].Coding[0].Code);
        Assert.Equal(["URN-2", "LA-1"], audit.Agent.Skip(1).Select(a => a.Who!.Identifier!.Value));
        Assert.Equal(["110152", "110153"], audit.Agent.Skip(1).Select(a => a.Type!.Coding[0].Code));
        Assert.Equal("school-support", audit.PurposeOfEvent[0].Coding[0].Code);
        Assert.Equal("approved", audit.OutcomeDesc);
        Assert.Equal("yc-1", audit.Entity[0].What!.Identifier!.Value);
        Assert.Equal(DisclosureId.ToString(), audit.Entity[1].What!.Identifier!.Value);
        Assert.Contains(audit.Entity[1].Detail, d => d.Type == "dataCategories" && ((FhirString)d.Value).Value == "caring.role");
        Assert.Equal($"Consent/{ConsentId}/_history/2", audit.Entity[2].What!.Reference);
        Assert.Equal($"urn:consentplatform:dsa:{DsaId}:v3", audit.Entity[3].What!.Identifier!.Value);
    }

    [Fact]
    public void A_refusal_gives_every_reason_and_a_young_carer_sees_organisations_but_no_person()
    {
        var audit = AuditEventResource.ToFhir(EventNamed(nameof(PackageReadRefused)), 9, namePeople: false)!;
        Assert.Equal("refused: consent-paused", audit.OutcomeDesc);
        Assert.Equal(["URN-2", "LA-1"], audit.Agent.Select(a => a.Who!.Identifier!.Value));
        Assert.DoesNotContain("lee", FhirJson.ToJson(audit), StringComparison.Ordinal);
    }

    [Fact]
    public void A_consent_or_agreement_event_is_no_audit_event()
    {
        Assert.Null(AuditEventResource.KindOf(new DisclosureRequested(Guid.NewGuid(), DisclosureId, "yc-1", "school-support", "URN-2", "LA-1", Categories, ShareBasis.Consent, null, Requester, At)));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-01T09:00:00Z", true)]
    [InlineData("eq2026-03-01", "2026-03-02T00:00:00Z", false)]
    [InlineData("ge2026-03-01", "2026-03-01T00:00:00Z", true)]
    [InlineData("gt2026-03-01", "2026-03-01T23:59:59Z", false)]
    [InlineData("lt2026-03-01", "2026-02-28T23:59:59Z", true)]
    [InlineData("le2026-03-01", "2026-03-01T23:59:59Z", true)]
    [InlineData("ne2026-03-01", "2026-03-01T12:00:00Z", false)]
    [InlineData("ge2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z", true)]
    [InlineData("lt2026-03-01T10:00:00+01:00", "2026-03-01T08:59:59Z", true)]
    public void A_date_search_matches_as_FHIR_date_ranges_do(string value, string at, bool matches)
    {
        var errors = new FieldErrors();
        var filter = FhirDateFilter.Parse(value, errors);
        Assert.False(errors.Any);
        Assert.Equal(matches, filter.Matches(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("ge2026-13-01")]
    [InlineData("2026-03-01T09:00:00")]
    public void A_bad_date_is_refused(string value)
    {
        var errors = new FieldErrors();
        FhirDateFilter.Parse(value, errors);
        Assert.True(errors.Any);
    }
}
