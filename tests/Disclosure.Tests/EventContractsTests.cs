using static ConsentPlatform.Disclosure.Tests.Scenario;

namespace ConsentPlatform.Disclosure.Tests;

public sealed class EventContractsTests
{
    private static object Publish(object data, Guid eventId)
    {
        var wrapper = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        wrapper.Id = eventId;
        return new DisclosureEventContracts().ToContract(wrapper)!;
    }

    [Fact]
    public void Every_internal_event_is_published_as_the_contract_of_its_stored_name_with_its_event_id_and_subject()
    {
        var requested = Requested(Request(Contracts.Rules.ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true)));
        var approval = ApproveOverride.Decide(new ApproveOverride(Id, CouncilLead, "lee", "Child at risk.", Now), Given(requested), Answers(dsa: Dsa(allowsOverride: true)));
        var released = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(requested, approval), Answers(dsa: Dsa(allowsOverride: true)));
        var read = ReadPackage.Decide(new ReadPackage(Id, Teacher, Now), Given(requested, approval, released), Answers(dsa: Dsa(allowsOverride: true)));
        var refused = ReadPackage.Decide(new ReadPackage(Id, Teacher, Now), Given(requested, approval, released), new LiveAnswers(null, null));
        var purged = PurgePackage.Decide(new PurgePackage(Id, DisclosureActors.PurgeJob, Now.AddYears(1)), Given(requested, approval, released));
        var denied = Requested(answers: new LiveAnswers(null, null));
        var releaseRefused = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested()), new LiveAnswers(null, null));
        // Issue 20: what a consent's change does to disclosures approved under it.
        var consent = Scenario.Consent();
        var byConsent = Requested(answers: Answers(consent));
        var change = new ApplyConsentChange(consent.ConsentId!.Value, Contracts.Consent.ConsentStatus.Withdrawn, DisclosureActors.ConsentChange, Now.AddDays(1), TimeSpan.FromDays(14));
        var blocked = ApplyConsentChange.Decide(change, Given(byConsent));
        var releasedByConsent = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(byConsent), Answers(consent));
        var destroyed = ApplyConsentChange.Decide(change, Given(byConsent, releasedByConsent));
        var readByConsent = ReadPackage.Decide(new ReadPackage(Id, Teacher, Now), Given(byConsent, releasedByConsent), Answers(consent));
        var askedToDelete = ApplyConsentChange.Decide(change, Given(byConsent, releasedByConsent, readByConsent));
        var answered = AnswerDeletion.Decide(new AnswerDeletion(Id, Contracts.Disclosure.DeletionOutcome.Deleted, null, Teacher, Now.AddDays(2)), Given(byConsent, releasedByConsent, readByConsent, askedToDelete));
        // Issue 20: the guardian's review of the override, and a delay of what the young person sees of it, and its end.
        var overridden = Given(requested, approval);
        var reviewed = ReviewOverride.Decide(new ReviewOverride(Id, Contracts.Disclosure.OverrideReviewOutcome.Upheld, "Justified.", CouncilLead, Now.AddDays(1)), overridden);
        var delayed = DelayOverrideNotice.Decide(new DelayOverrideNotice(Id, Now.AddDays(7), "A parent reads the phone.", CouncilLead, Now, TimeSpan.FromDays(28)), overridden);
        var delayEnded = EndNoticeDelay.Decide(Given(requested, approval, delayed), Now.AddDays(7));
        object[] all = [.. requested, .. approval, .. released, .. read, .. refused, .. purged, denied[1], .. releaseRefused, .. blocked, .. destroyed, .. askedToDelete, .. answered, .. reviewed, .. delayed, .. delayEnded];

        var internalTypes = typeof(DisclosureState).Assembly.GetTypes().Where(t => t.Namespace == typeof(DisclosureState).Namespace && t.GetProperty("DisclosureId") is not null).Select(t => t.Name).ToHashSet();
        Assert.Equal(internalTypes, all.Select(e => e.GetType().Name).ToHashSet());
        Assert.Equal(internalTypes, DisclosureEvent.StoredNames.Keys.Select(t => t.Name).ToHashSet());
        foreach (var e in all)
        {
            var eventId = Guid.NewGuid();
            var contract = Publish(e, eventId);
            // DisclosureEvent.Released, stored as disclosure_released, is published as DisclosureReleased.
            var storedAs = DisclosureEvent.StoredNames[e.GetType()];
            Assert.Equal(string.Concat(storedAs.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), contract.GetType().Name);
            Assert.Equal("ConsentPlatform.Contracts.Disclosure", contract.GetType().Namespace);
            var platformEvent = Assert.IsAssignableFrom<IPlatformEvent>(contract);
            Assert.Equal((eventId, "yc-1"), (platformEvent.EventId, platformEvent.SubjectId));
        }
    }

    [Fact]
    public void No_published_disclosure_contract_has_a_field_that_could_carry_released_data()
    {
        var contracts = typeof(Contracts.Disclosure.DisclosureReleased).Assembly.GetTypes()
            .Where(t => t.Namespace == "ConsentPlatform.Contracts.Disclosure" && typeof(IPlatformEvent).IsAssignableFrom(t));

        foreach (var contract in contracts)
        {
            var properties = contract.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.DoesNotContain(properties, p => p.Name is "Data" or "Payload" or "Package" || p.PropertyType == typeof(object) || p.PropertyType == typeof(System.Text.Json.JsonElement));
        }
    }
}
