using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Proposals the young person answers (issue 16 part 3), through the service over HTTP with the
/// live check asked over RabbitMQ: a proposal is never an answer, the young person accepts (never
/// wider) or declines (final), and whatever is refused changes nothing.
/// </summary>
public sealed class ProposalTests(ConsentApi api)
{
    private static readonly string[] Schools = ["school-1", "school-2"];
    private static readonly string[] Categories = ["caring.role", "caring.hours"];

    private Task<ConsentCheckResult> CheckAsync(string subject, string[] categories, string purpose = "school-support") =>
        api.CheckAsync(new CheckConsent(subject, purpose, "school-1", categories, DateTimeOffset.UtcNow));

    private static async Task<ConsentBody> ReadAsync(HttpClient client, Guid id)
    {
        using var response = await client.ReadAsync($"/api/consents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ConsentAsync();
    }

    [Fact]
    public async Task A_practitioner_proposes_a_consent_that_is_proposed_published_and_answerable_for_thirty_days()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();

        using var response = await practitioner.ProposeAsync(ProposeBody(subject, recipientOrgIds: Schools, dataCategories: Categories, note: "So we can give you homework time."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var proposal = await response.ConsentAsync();
        Assert.Equal($"/api/consents/{proposal.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("proposed", 1L, "self", "So we can give you homework time."), (proposal.Status, proposal.Version, proposal.GivenBy, proposal.Note));
        Assert.Equal(Categories, proposal.DataCategories);
        Assert.Equal(proposal.ProposedAt!.Value.AddDays(30), proposal.AnswerBy);
        var history = await practitioner.HistoryAsync(proposal.Id);
        Assert.Equal(("consent-proposed", "Practitioner", "school-1"), (Assert.Single(history).Event, history[0].Actor.Role, history[0].Actor.OrgId));
        var published = Assert.Single(await api.Events.WaitForAsync<ConsentProposed>(e => e.ConsentId == proposal.Id)).Message;
        Assert.Equal((ConsentStatus.Proposed, 1L, subject, proposal.AnswerBy!.Value), (published.Status, published.Version, published.SubjectId, published.AnswerBy));
    }

    [Fact]
    public async Task A_proposal_passes_no_check_it_is_consent_missing()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        await practitioner.ProposedAsync(ProposeBody(subject));

        var result = await CheckAsync(subject, ["caring.role"]);

        Assert.Equal([ReasonCode.ConsentMissing], result.Reasons);
        Assert.Null(result.ConsentId);
    }

    [Fact]
    public async Task The_young_person_accepts_narrower_and_a_removed_category_is_a_mismatch()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject, recipientOrgIds: Schools, dataCategories: Categories));

        using var response = await carer.ActAsync(proposal.Id, "accept", new { dataCategories = new[] { "caring.role" } }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var accepted = await response.ConsentAsync();
        Assert.Equal(("active", 2L), (accepted.Status, accepted.Version));
        Assert.Equal(["caring.role"], accepted.DataCategories);
        Assert.Equal(Schools, accepted.RecipientOrgIds);
        Assert.Empty((await CheckAsync(subject, ["caring.role"])).Reasons);
        var removed = await CheckAsync(subject, ["caring.hours"]);
        Assert.Equal([ReasonCode.ConsentCategoryMismatch], removed.Reasons);
        Assert.Equal((proposal.Id, 2L), (removed.ConsentId!.Value, removed.Version!.Value));
        Assert.Equal(["consent-proposed", "consent-accepted"], (await carer.HistoryAsync(proposal.Id)).Select(h => h.Event));
        var published = Assert.Single(await api.Events.WaitForAsync<ConsentAccepted>(e => e.ConsentId == proposal.Id)).Message;
        Assert.Equal((ConsentStatus.Active, 2L, "YoungCarer"), (published.Status, published.Version, published.Actor.Role));
        Assert.Equal(["caring.role"], published.DataCategories);
    }

    [Theory]
    [InlineData("dataCategories")]
    [InlineData("recipientOrgIds")]
    public async Task Accepting_wider_than_proposed_is_422_naming_the_field_and_changes_nothing(string field)
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject, recipientOrgIds: Schools, dataCategories: Categories));
        object wider = field == "dataCategories"
            ? new { dataCategories = new[] { "caring.role", "health.mental" } }
            : new { recipientOrgIds = new[] { "gp-1" } };

        using var response = await carer.ActAsync(proposal.Id, "accept", wider);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var after = await ReadAsync(carer, proposal.Id);
        Assert.Equal(("proposed", 1L), (after.Status, after.Version));
    }

    [Fact]
    public async Task A_declined_proposal_is_final_it_cannot_be_accepted_and_stays_no_consent()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject));

        using var declined = await carer.ActAsync(proposal.Id, "decline", new { reason = "Not yet, thank you." });
        using var accept = await carer.ActAsync(proposal.Id, "accept");
        using var again = await carer.ActAsync(proposal.Id, "decline");

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(("declined", 2L), ((await declined.ConsentAsync()).Status, (await ReadAsync(carer, proposal.Id)).Version));
        await accept.ProblemAsync(HttpStatusCode.Conflict);
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([ReasonCode.ConsentMissing], (await CheckAsync(subject, ["caring.role"])).Reasons);
        var history = await carer.HistoryAsync(proposal.Id);
        Assert.Equal(("consent-declined", "Not yet, thank you."), (history[^1].Event, history[^1].Reason));
        var published = Assert.Single(await api.Events.WaitForAsync<ConsentDeclined>(e => e.ConsentId == proposal.Id)).Message;
        Assert.Equal((ConsentStatus.Declined, 2L), (published.Status, published.Version));
    }

    [Fact]
    public async Task Another_subjects_proposal_is_404_like_an_unknown_id_and_a_practitioner_cannot_answer()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var stranger = api.YoungCarer(NewSubject());
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject));

        using var strangerAccepts = await stranger.ActAsync(proposal.Id, "accept");
        using var strangerDeclines = await stranger.ActAsync(proposal.Id, "decline");
        using var unknown = await stranger.ActAsync(Guid.NewGuid(), "accept");
        using var practitionerAccepts = await practitioner.ActAsync(proposal.Id, "accept");

        await strangerAccepts.ProblemAsync(HttpStatusCode.NotFound);
        await strangerDeclines.ProblemAsync(HttpStatusCode.NotFound);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        await practitionerAccepts.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(("proposed", 1L), ((await ReadAsync(practitioner, proposal.Id)).Status, (await ReadAsync(practitioner, proposal.Id)).Version));
    }

    [Fact]
    public async Task A_proposal_blocks_no_grant_and_accepting_it_beside_a_live_consent_is_409_until_that_one_is_stopped()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject));
        var live = await carer.GrantedAsync(GrantBody(subject));

        using var refused = await carer.ActAsync(proposal.Id, "accept");
        await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("proposed", (await ReadAsync(carer, proposal.Id)).Status);
        (await carer.ActAsync(live.Id, "withdraw")).Dispose();
        using var accepted = await carer.ActAsync(proposal.Id, "accept");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("active", (await accepted.ConsentAsync()).Status);
        var result = await CheckAsync(subject, ["caring.role"]);
        Assert.Equal((proposal.Id, 2L), (result.ConsentId!.Value, result.Version!.Value));
    }

    [Fact]
    public async Task A_young_carer_cannot_propose_they_grant_instead()
    {
        var subject = NewSubject();
        using var carer = api.YoungCarer(subject);

        using var response = await carer.ProposeAsync(ProposeBody(subject));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await carer.ListAsync(subject));
    }

    [Fact]
    public async Task Bad_input_is_400_per_field_and_records_nothing()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);

        using var badProposal = await practitioner.ProposeAsync(ProposeBody(
            subject, purpose: "School Support", dataCategories: ["caring.role", "caring.role"], expiresAt: DateTimeOffset.UtcNow.AddDays(-1), note: new string('x', 501)));
        using var noBody = await practitioner.RawPostAsync("/api/consents/proposals", "null");
        using var unknownField = await practitioner.RawPostAsync("/api/consents/proposals", $$"""{"subjectId":"{{subject}}","purpose":"school-support","givenBy":"self"}""");

        Assert.Equal(["dataCategories[1]", "expiresAt", "note", "purpose"], (await badProposal.ProblemAsync(HttpStatusCode.BadRequest)).Order(StringComparer.Ordinal));
        await noBody.ProblemAsync(HttpStatusCode.BadRequest);
        await unknownField.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await carer.ListAsync(subject));

        var proposal = await practitioner.ProposedAsync(ProposeBody(subject, dataCategories: Categories));
        using var badAccept = await carer.ActAsync(proposal.Id, "accept", new { dataCategories = new[] { "Caring Role" } });
        using var longReason = await carer.ActAsync(proposal.Id, "decline", new { reason = new string('x', 501) });
        Assert.Equal(["dataCategories[0]"], await badAccept.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["reason"], await longReason.ProblemAsync(HttpStatusCode.BadRequest));
        var after = await ReadAsync(carer, proposal.Id);
        Assert.Equal(("proposed", 1L), (after.Status, after.Version));
    }

    [Fact]
    public async Task A_proposal_not_answered_in_time_lapses_as_expired_cannot_be_accepted_and_stays_no_consent()
    {
        var subject = NewSubject();
        using var practitioner = api.Practitioner();
        using var carer = api.YoungCarer(subject);
        // Its terms end in two seconds, so its answer is due by then.
        var endsAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var proposal = await practitioner.ProposedAsync(ProposeBody(subject, expiresAt: endsAt));
        Assert.Equal(endsAt.ToUnixTimeMilliseconds(), proposal.AnswerBy!.Value.ToUnixTimeMilliseconds());
        await Task.Delay(endsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        var beforeTheJob = await ReadAsync(carer, proposal.Id);
        using var accept = await carer.ActAsync(proposal.Id, "accept");
        await api.ExpiryJob.SweepOnceAsync(TestContext.Current.CancellationToken);
        await api.ExpiryJob.SweepOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("expired", 1L), (beforeTheJob.Status, beforeTheJob.Version));
        await accept.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["consent-proposed", "consent-expired"], (await carer.HistoryAsync(proposal.Id)).Select(h => h.Event));
        Assert.Equal([ReasonCode.ConsentMissing], (await CheckAsync(subject, ["caring.role"])).Reasons);
        using var grant = await carer.GrantAsync(GrantBody(subject));
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
    }

    [Fact]
    public async Task The_api_document_declares_the_three_proposal_operations_with_their_responses()
    {
        var propose = await api.OperationAsync("/api/consents/proposals", "post");
        var accept = await api.OperationAsync("/api/consents/{id}/accept", "post");
        var decline = await api.OperationAsync("/api/consents/{id}/decline", "post");

        Assert.Equal("ProposeConsent", propose.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(accept.GetProperty("summary").GetString()));
        // 401 and 403 are the policies' (every route behind one), 415 every JSON body's, the rest each outcome's
        // refusal kinds; 503: a practitioner's tie to the consent the DSA registry did not confirm in time.
        Assert.Equal(["201", "400", "401", "403", "415"], Codes(propose));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "412", "415", "422", "503"], Codes(accept));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "412", "415", "503"], Codes(decline));
    }

    private static string[] Codes(System.Text.Json.JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];
}
