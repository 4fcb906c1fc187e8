using static ConsentPlatform.Consent.Tests.Scenario;
using Published = ConsentPlatform.Contracts.Consent;

namespace ConsentPlatform.Consent.Tests;

/// <summary>Given(events) / When(propose, accept, decline, expire) / Then(events or refusal): proposals the young person answers.</summary>
public sealed class ProposingTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset AnswerBy = GrantedAt + Lifetime;
    private static readonly string[] Schools = ["school-1", "school-2"];
    private static readonly string[] Categories = ["caring.role", "caring.hours", "education.attendance"];

    private static ConsentTerms Proposed(DateTimeOffset? expiresAt = null) => Terms(expiresAt, Schools, Categories);

    private static ConsentEvent.Proposed Proposal(ConsentTerms? terms = null) =>
        new(ConsentId, 1, terms ?? Proposed(), "We would like to help with homework time.", Practitioner, GrantedAt, AnswerBy);

    private static ConsentEvent.Declined Declined() => new(ConsentId, 2, Proposed(), GrantedAt, YoungCarer, "not now", Later);

    private static AcceptProposal Accept(IReadOnlyList<string>? recipients = null, IReadOnlyList<string>? categories = null, DateTimeOffset? at = null) =>
        new(ConsentId, recipients, categories, YoungCarer, at ?? Later);

    [Fact]
    public void Given_nothing_When_a_practitioner_proposes_Then_proposed_with_the_note_and_an_answer_by_thirty_days_on()
    {
        var events = ProposeConsent.Decide(new ProposeConsent(ConsentId, Proposed(), "We would like to help with homework time.", Practitioner, Lifetime, GrantedAt), null);

        Assert.Equal(Proposal(), Assert.Single(events));
        var state = ConsentEvolution.Fold(events)!;
        Assert.Equal(ConsentStatus.Proposed, state.Status);
        Assert.Equal(("school-1", GrantedAt, AnswerBy), (state.RecordedByOrgId, state.ProposedAt!.Value, state.AnswerBy!.Value));
        Assert.False(state.WasAgreed);
    }

    [Fact]
    public void Given_nothing_When_proposed_with_terms_ending_before_the_answer_by_Then_it_must_be_answered_before_they_end()
    {
        var end = GrantedAt.AddDays(10);

        var proposed = Assert.IsType<ConsentEvent.Proposed>(Assert.Single(ProposeConsent.Decide(new ProposeConsent(ConsentId, Proposed(end), null, Practitioner, Lifetime, GrantedAt), null)));

        Assert.Equal(end, proposed.AnswerBy);
    }

    [Fact]
    public void Given_nothing_When_proposed_with_an_expiry_in_the_past_Then_refused_as_invalid() =>
        Assert.Equal(400, ProposeConsent.Decide(new ProposeConsent(ConsentId, Proposed(GrantedAt), null, Practitioner, Lifetime, GrantedAt), null).Refusal?.Status);

    [Fact]
    public void Given_a_proposal_When_evolved_Then_not_live_so_it_blocks_no_grant()
    {
        var state = Given(Proposal());

        Assert.False(state.IsLive);
        Assert.Null(state.LiveKey);
    }

    [Fact]
    public void Given_a_proposal_When_accepted_as_proposed_Then_active_on_the_proposed_terms_granted_at_acceptance()
    {
        var state = Given(Proposal());

        var events = AcceptProposal.Decide(Accept(), state);

        Assert.Equal(new ConsentEvent.Accepted(ConsentId, 2, Proposed(), YoungCarer, Later), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal((ConsentStatus.Active, 2L, Later), (after.Status, after.Version, after.GrantedAt));
        Assert.True(after.WasAgreed);
        Assert.Equal(ConsentState.LiveKeyOf("yc-1", "school-support"), after.LiveKey);
    }

    [Fact]
    public void Given_a_proposal_When_accepted_with_narrower_lists_Then_the_narrower_lists_hold()
    {
        var events = AcceptProposal.Decide(Accept(recipients: ["school-2"], categories: ["caring.role"]), Given(Proposal()));

        var accepted = Assert.IsType<ConsentEvent.Accepted>(Assert.Single(events));
        Assert.Equal(["school-2"], accepted.Terms.RecipientOrgIds);
        Assert.Equal(["caring.role"], accepted.Terms.DataCategories);
    }

    [Fact]
    public void Given_a_proposal_with_only_a_category_list_When_accepted_naming_recipients_Then_narrowed_from_any_recipient()
    {
        var events = AcceptProposal.Decide(Accept(recipients: ["school-1"]), Given(Proposal(Terms(categories: Categories))));

        Assert.Equal(["school-1"], Assert.IsType<ConsentEvent.Accepted>(Assert.Single(events)).Terms.RecipientOrgIds);
    }

    [Theory]
    [InlineData("dataCategories")]
    [InlineData("recipientOrgIds")]
    public void Given_a_proposal_When_accepted_with_a_wider_list_Then_refused_naming_the_field(string field)
    {
        var accept = field == "dataCategories" ? Accept(categories: ["caring.role", "health.mental"]) : Accept(recipients: ["gp-1"]);

        var refusal = AcceptProposal.Decide(accept, Given(Proposal())).Refusal;

        Assert.Equal(422, refusal?.Status);
        Assert.Contains(field, refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_proposal_naming_categories_When_accepted_with_an_empty_list_meaning_any_Then_refused_as_wider() =>
        Assert.Equal(422, AcceptProposal.Decide(Accept(categories: []), Given(Proposal())).Refusal?.Status);

    [Fact]
    public void Given_a_proposal_When_declined_Then_declined_with_the_reason_and_final()
    {
        var state = Given(Proposal());

        var events = DeclineProposal.Decide(new DeclineProposal(ConsentId, YoungCarer, "not now", Later), state);

        Assert.Equal(Declined(), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal(ConsentStatus.Declined, after.Status);
        Assert.False(after.WasAgreed);
        Assert.Null(after.LiveKey);
    }

    [Fact]
    public void Given_a_declined_proposal_When_accepted_Then_refused_as_conflict() =>
        Assert.Equal(409, AcceptProposal.Decide(Accept(), Given(Proposal(), Declined())).Refusal?.Status);

    [Fact]
    public void Given_a_declined_proposal_When_declined_again_Then_refused_as_conflict() =>
        Assert.Equal(409, DeclineProposal.Decide(new DeclineProposal(ConsentId, YoungCarer, null, Later), Given(Proposal(), Declined())).Refusal?.Status);

    [Fact]
    public void Given_an_accepted_proposal_When_accepted_or_declined_again_Then_refused_as_conflict()
    {
        var state = Given(Proposal(), new ConsentEvent.Accepted(ConsentId, 2, Proposed(), YoungCarer, Later));

        Assert.Equal(409, AcceptProposal.Decide(Accept(at: Later.AddHours(1)), state).Refusal?.Status);
        Assert.Equal(409, DeclineProposal.Decide(new DeclineProposal(ConsentId, YoungCarer, null, Later.AddHours(1)), state).Refusal?.Status);
    }

    [Fact]
    public void Given_a_consent_granted_directly_When_accepted_Then_refused_as_conflict() =>
        Assert.Equal(409, AcceptProposal.Decide(Accept(), Given(Granted())).Refusal?.Status);

    [Fact]
    public void Given_a_proposal_When_paused_or_withdrawn_Then_refused_as_conflict_it_is_not_a_consent_yet()
    {
        var state = Given(Proposal());

        Assert.Equal(409, PauseConsent.Decide(new PauseConsent(ConsentId, YoungCarer, null, Later), state).Refusal?.Status);
        Assert.Equal(409, WithdrawConsent.Decide(new WithdrawConsent(ConsentId, YoungCarer, null, Later), state).Refusal?.Status);
    }

    [Fact]
    public void Given_a_proposal_When_its_answer_by_is_reached_Then_it_reads_expired_from_that_instant()
    {
        var state = Given(Proposal());

        Assert.Equal(ConsentStatus.Proposed, state.StatusAt(AnswerBy.AddTicks(-1)));
        Assert.Equal(ConsentStatus.Expired, state.StatusAt(AnswerBy));
    }

    [Fact]
    public void Given_a_proposal_past_its_answer_by_When_accepted_Then_refused_as_conflict() =>
        Assert.Equal(409, AcceptProposal.Decide(Accept(at: AnswerBy), Given(Proposal())).Refusal?.Status);

    [Fact]
    public void Given_a_proposal_past_its_answer_by_When_the_expiry_job_runs_Then_expired_once_at_answer_by_and_still_never_agreed()
    {
        var state = Given(Proposal());

        var events = ExpireConsent.Decide(new ExpireConsent(ConsentId, AnswerBy.AddDays(2)), state);

        Assert.Equal(new ConsentEvent.Expired(ConsentId, 2, Proposed(), GrantedAt, ConsentActors.ExpiryJob, AnswerBy), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal(ConsentStatus.Expired, after.Status);
        Assert.False(after.WasAgreed);
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, AnswerBy.AddDays(3)), after));
        Assert.Equal(409, AcceptProposal.Decide(Accept(at: AnswerBy.AddDays(3)), after).Refusal?.Status);
    }

    [Fact]
    public void Given_an_open_proposal_When_the_expiry_job_runs_before_answer_by_Then_nothing() =>
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, AnswerBy.AddTicks(-1)), Given(Proposal())));

    [Fact]
    public void Given_a_declined_proposal_When_the_expiry_job_runs_after_answer_by_Then_nothing() =>
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, AnswerBy.AddDays(1)), Given(Proposal(), Declined())));
}

/// <summary>A proposal is never an answer: the live check sees no consent at all.</summary>
public sealed class ProposalCheckTests
{
    private static readonly DateTimeOffset AnswerBy = GrantedAt.AddDays(30);

    private static CheckConsent Check(IReadOnlyList<string>? categories = null, DateTimeOffset? at = null) =>
        new("yc-1", "school-support", "school-1", categories ?? ["caring.role"], at ?? Later);

    private static ConsentEvent.Proposed Proposal() => new(ConsentId, 1, Terms(), null, Practitioner, GrantedAt, AnswerBy);

    [Fact]
    public void Given_an_open_proposal_When_checked_Then_consent_missing_naming_no_consent()
    {
        var result = ConsentCheck.Evaluate(Given(Proposal()), Check());

        Assert.Equal([ReasonCode.ConsentMissing], result.Reasons);
        Assert.Null(result.ConsentId);
    }

    [Fact]
    public void Given_a_proposal_among_the_candidates_When_chosen_Then_never_the_proposal()
    {
        Assert.Null(ConsentCheck.Choose([Given(Proposal())]));
        var ended = Given(Granted(), Withdrawn(2)) with { Id = Guid.NewGuid() };
        Assert.Equal(ended.Id, ConsentCheck.Choose([Given(Proposal()), ended])!.Id);
    }

    [Fact]
    public void Given_a_declined_or_lapsed_proposal_When_checked_Then_consent_missing_not_expired()
    {
        var declined = Given(Proposal(), new ConsentEvent.Declined(ConsentId, 2, Terms(), GrantedAt, YoungCarer, null, Later));
        var lapsed = Given(Proposal(), new ConsentEvent.Expired(ConsentId, 2, Terms(), GrantedAt, ConsentActors.ExpiryJob, AnswerBy));

        Assert.Equal([ReasonCode.ConsentMissing], ConsentCheck.Evaluate(declined, Check(at: Later.AddHours(1))).Reasons);
        Assert.Equal([ReasonCode.ConsentMissing], ConsentCheck.Evaluate(lapsed, Check(at: AnswerBy.AddDays(1))).Reasons);
        Assert.Null(ConsentCheck.Choose([lapsed]));
    }

    [Fact]
    public void Given_an_accepted_proposal_with_fewer_categories_When_a_removed_category_is_checked_Then_category_mismatch()
    {
        var state = Given(
            new ConsentEvent.Proposed(ConsentId, 1, Terms(categories: ["caring.role", "caring.hours"]), null, Practitioner, GrantedAt, AnswerBy),
            new ConsentEvent.Accepted(ConsentId, 2, Terms(categories: ["caring.role"]), YoungCarer, Later));

        Assert.Empty(ConsentCheck.Evaluate(state, Check(["caring.role"], Later.AddHours(1))).Reasons);
        Assert.Equal([ReasonCode.ConsentCategoryMismatch], ConsentCheck.Evaluate(state, Check(["caring.hours"], Later.AddHours(1))).Reasons);
    }

    [Fact]
    public void The_shared_rule_handed_a_proposal_directly_still_passes_nothing()
    {
        var snapshot = new ConsentSnapshot(ConsentId, 1, "yc-1", "school-support", [], [], ConsentStatus.Proposed, GrantedAt, null);

        Assert.Equal([ReasonCode.ConsentMissing], ConsentRule.Check(snapshot, Check()).Reasons);
        Assert.Null(ConsentRule.Choose([snapshot, snapshot with { Status = ConsentStatus.Declined }]));
    }
}

/// <summary>The proposal's events as published: every term, the status reached and the version.</summary>
public sealed class ProposalContractsTests
{
    private static readonly ConsentEventContracts Contracts = new();
    private static readonly Guid EventId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000ee");

    private static object? Map<T>(T data) where T : notnull => Contracts.ToContract(new Event<T>(data) { Id = EventId });

    [Fact]
    public void Proposed_accepted_and_declined_are_published_with_their_status_terms_and_version()
    {
        var answerBy = GrantedAt.AddDays(30);
        var terms = Terms(recipients: ["school-1"], categories: ["caring.role"]);

        var proposed = Assert.IsType<Published.ConsentProposed>(Map(new ConsentEvent.Proposed(ConsentId, 1, terms, "note", Practitioner, GrantedAt, answerBy)));
        var accepted = Assert.IsType<Published.ConsentAccepted>(Map(new ConsentEvent.Accepted(ConsentId, 2, terms, YoungCarer, Later)));
        var declined = Assert.IsType<Published.ConsentDeclined>(Map(new ConsentEvent.Declined(ConsentId, 2, terms, GrantedAt, YoungCarer, "no", Later)));

        Assert.Equal((EventId, 1L, ConsentStatus.Proposed, answerBy, "note", Practitioner, GrantedAt), (proposed.EventId, proposed.Version, proposed.Status, proposed.AnswerBy, proposed.Note, proposed.Actor, proposed.OccurredAt));
        Assert.Equal(["caring.role"], proposed.DataCategories);
        Assert.Equal((2L, ConsentStatus.Active, Later, Later, YoungCarer), (accepted.Version, accepted.Status, accepted.GrantedAt, accepted.OccurredAt, accepted.Actor));
        Assert.Equal((2L, ConsentStatus.Declined, "no", GrantedAt, "yc-1"), (declined.Version, declined.Status, declined.Reason, declined.GrantedAt, declined.SubjectId));
    }
}
