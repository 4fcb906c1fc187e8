using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Issue 20 §1 on a real database and broker, the registry's part answered by the stand-in:
/// competence assessments recorded and read by who may, and a parent's or guardian's consent,
/// which records who gave it, refused while the young person stands assessed competent for the purpose.
/// </summary>
public sealed class CompetenceTests(ConsentApi api)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AssessAsync(HttpClient client, string subject, object body) =>
        client.PostAsJsonAsync(new Uri($"/api/subjects/{subject}/competence", UriKind.Relative), body, Cancel);

    private static async Task<JsonElement> ListAsync(HttpClient client, string subject, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri($"/api/subjects/{subject}/competence", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Assessed_competent_a_parents_consent_for_the_purpose_is_refused_and_a_later_not_yet_assessment_allows_it_again()
    {
        var subject = NewSubject();
        using var school = api.Practitioner();
        var parent = GrantBody(subject, givenBy: "parent", proxy: new { relationship = "father" });

        using (var assessed = await AssessAsync(school, subject, new { purpose = "school-support", outcome = "competent", basis = "gillick", note = "Understood what is shared and why." }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }

        using (var refused = await school.GrantAsync(parent))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("assessed competent", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // The young person's own consent is theirs to give.
        await api.YoungCarer(subject).GrantedAsync(GrantBody(subject));
        var published = await api.Events.WaitForAsync<CompetenceAssessed>(e => e.SubjectId == subject);
        Assert.Equal((CompetenceOutcome.Competent, CompetenceBasis.Gillick, "school-support"), (published[0].Message.Outcome, published[0].Message.Basis, published[0].Message.Purpose));

        var otherSubject = NewSubject();
        using (var first = await AssessAsync(school, otherSubject, new { outcome = "competent", basis = "sixteen-or-over" })) Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var later = await AssessAsync(school, otherSubject, new { purpose = "school-support", outcome = "not-yet-competent", basis = "gillick" })) Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var granted = await school.GrantedAsync(GrantBody(otherSubject, givenBy: "guardian", proxy: new { relationship = "special guardian", name = "Ann" }));
        Assert.Equal("guardian", granted.GivenBy);
    }

    [Fact]
    public async Task Only_a_practitioner_party_to_an_agreement_for_the_purpose_assesses_and_the_young_person_reads_their_own_only()
    {
        var subject = NewSubject();
        var purpose = Agreements.NewPurpose();
        api.Parties.Add("school-2", purpose);
        using var stranger = api.Practitioner("stranger-org");
        using var other = api.Practitioner("school-2");
        using var school = api.Practitioner();

        using (var refused = await AssessAsync(stranger, subject, new { outcome = "competent", basis = "gillick" })) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var refused = await AssessAsync(school, subject, new { purpose, outcome = "competent", basis = "gillick" })) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var assessed = await AssessAsync(other, subject, new { purpose, outcome = "competent", basis = "gillick" })) Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        using (var assessed = await AssessAsync(school, subject, new { purpose = "school-support", outcome = "not-yet-competent", basis = "gillick" })) Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);

        Assert.Equal([purpose, "school-support"], (await ListAsync(api.YoungCarer(subject), subject)).EnumerateArray().Select(a => a.GetProperty("purpose").GetString()));
        // The school is party to no agreement for the other purpose: it sees only its own purpose's.
        Assert.Equal(["school-support"], (await ListAsync(school, subject)).EnumerateArray().Select(a => a.GetProperty("purpose").GetString()));
        await ListAsync(api.YoungCarer(NewSubject()), subject, HttpStatusCode.Forbidden);
        await ListAsync(api.Auditor(), subject, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Assessed_competent_the_young_person_is_asked_to_confirm_a_parents_consent_confirms_it_as_their_own_and_an_unconfirmed_one_is_paused_in_time()
    {
        var subject = NewSubject();
        var other = NewSubject();
        using var school = api.Practitioner();
        var parents = await school.GrantedAsync(GrantBody(subject, givenBy: "parent", proxy: new { relationship = "mother" }));
        var unconfirmed = await school.GrantedAsync(GrantBody(other, givenBy: "guardian", proxy: new { relationship = "guardian" }));
        foreach (var s in new[] { subject, other })
        {
            using var assessed = await AssessAsync(school, s, new { purpose = "school-support", outcome = "competent", basis = "gillick" });
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }

        using var youngCarer = api.YoungCarer(subject);
        var asked = await (await youngCarer.ReadAsync($"/api/consents/{parents.Id}")).ConsentAsync();
        Assert.Equal(parents.Version + 1, asked.Version);
        Assert.NotNull(asked.ConfirmBy);
        Assert.True(asked.ConfirmBy > DateTimeOffset.UtcNow.AddDays(27), asked.ConfirmBy.ToString());

        using var confirmed = await youngCarer.PostAsync(new Uri($"/api/consents/{parents.Id}/confirm", UriKind.Relative), null, Cancel);
        var mine = await confirmed.ConsentAsync();
        Assert.Equal(("self", (JsonElement?)null, (DateTimeOffset?)null, "active"), (mine.GivenBy, mine.Proxy, mine.ConfirmBy, mine.Status));
        var history = await youngCarer.HistoryAsync(parents.Id);
        Assert.Equal(["consent-granted", "proxy-confirmation-asked", "consent-confirmed"], history.Select(h => h.Event));
        Assert.Equal("YoungCarer", history[^1].Actor.Role);
        using (var again = await youngCarer.PostAsync(new Uri($"/api/consents/{parents.Id}/confirm", UriKind.Relative), null, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The other young person never answers: 29 days on, the job pauses it (resuming needs the confirmation first: ProxyConfirmationTests).
        Assert.True(await api.ExpiryJob.PauseUnconfirmedAsync(DateTimeOffset.UtcNow.AddDays(29), Cancel) >= 1);
        using var otherCarer = api.YoungCarer(other);
        var paused = await (await otherCarer.ReadAsync($"/api/consents/{unconfirmed.Id}")).ConsentAsync();
        Assert.Equal("paused", paused.Status);
        Assert.Equal("system:consent-proxy-confirmation", (await otherCarer.HistoryAsync(unconfirmed.Id))[^1].Actor.UserId);
        // The confirmed one is the young person's own: the job leaves it alone.
        Assert.Equal("active", (await (await youngCarer.ReadAsync($"/api/consents/{parents.Id}")).ConsentAsync()).Status);
    }

    [Fact]
    public async Task A_bad_assessment_or_a_proxy_consent_without_who_gave_it_is_400_naming_each_field_and_records_nothing()
    {
        var subject = NewSubject();
        using var school = api.Practitioner();

        using (var bad = await AssessAsync(school, subject, new { purpose = "Not A Purpose", outcome = "maybe", basis = "age", note = new string('n', 501) }))
        {
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["basis", "note", "outcome", "purpose"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        using (var noProxy = await school.GrantAsync(GrantBody(subject, givenBy: "parent")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noProxy.StatusCode);
            Assert.Contains("proxy.relationship", await noProxy.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var selfWithProxy = await school.GrantAsync(GrantBody(subject, proxy: new { relationship = "mother" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, selfWithProxy.StatusCode);
        }

        Assert.Empty((await ListAsync(school, subject)).EnumerateArray());
        using var list = await school.GetAsync(new Uri($"/api/consents?subjectId={subject}", UriKind.Relative), Cancel);
        Assert.Equal("[]", await list.Content.ReadAsStringAsync(Cancel));
    }
}
