using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

/// <summary>What ties a practitioner's organisation to a consent (issue 15), judged on the events alone.</summary>
public sealed class ConcernTests
{
    [Fact]
    public void Given_a_consent_a_practitioner_recorded_When_their_organisation_asks_Then_recorded()
    {
        var consent = Given(new ConsentEvent.Granted(ConsentId, 1, Terms(recipients: ["la-1"]), Practitioner, GrantedAt));

        Assert.Equal("school-1", consent.RecordedByOrgId);
        Assert.Equal(ConsentConcern.Recorded, ConsentAccess.ConcernOf("school-1", consent));
    }

    [Fact]
    public void Given_a_consent_the_young_person_granted_themselves_When_read_Then_no_organisation_recorded_it()
    {
        Assert.Null(Given(Granted()).RecordedByOrgId);
    }

    [Fact]
    public void Given_a_consent_naming_recipients_When_a_named_organisation_asks_Then_recipient()
    {
        Assert.Equal(ConsentConcern.Recipient, ConsentAccess.ConcernOf("la-1", Given(Granted(Terms(recipients: ["la-1", "gp-1"])))));
    }

    [Fact]
    public void Given_a_consent_naming_recipients_When_an_unnamed_organisation_asks_Then_none_whatever_agreements_it_has()
    {
        Assert.Equal(ConsentConcern.None, ConsentAccess.ConcernOf("school-1", Given(Granted(Terms(recipients: ["la-1"])))));
    }

    [Fact]
    public void Given_a_consent_naming_no_one_When_an_organisation_that_did_not_record_it_asks_Then_only_if_party_to_an_agreement_for_the_purpose()
    {
        Assert.Equal(ConsentConcern.IfPartyToAgreementForPurpose, ConsentAccess.ConcernOf("charity-1", Given(Granted())));
    }

    [Fact]
    public void Given_a_paused_consent_a_practitioner_recorded_When_their_organisation_asks_Then_still_recorded()
    {
        var consent = Given(new ConsentEvent.Granted(ConsentId, 1, Terms(), Practitioner, GrantedAt), Paused());

        Assert.Equal(ConsentConcern.Recorded, ConsentAccess.ConcernOf("school-1", consent));
    }
}
