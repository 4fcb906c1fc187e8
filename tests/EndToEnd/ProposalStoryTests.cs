namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 16's proposals, through the gateway on the real processes: a practitioner proposes, the
/// proposal passes no check, the young person accepts narrower (and the narrowing holds) or
/// declines (final), nobody else answers, and the auditor's replays agree with every decision.
/// </summary>
public sealed class ProposalStoryTests(PlatformProcesses platform)
{
    [Fact]
    public async Task A_proposal_is_no_consent_until_the_young_person_accepts_it_narrower_and_a_declined_one_stays_declined()
    {
        var ct = TestContext.Current.CancellationToken;
        var subject = Scenario.NewSubject();
        var dsaId = await new Scenario(platform).ActiveDsaAsync();
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        using var someoneElse = await platform.ClientAsAsync("YoungCarer", subjectId: Scenario.NewSubject());
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-khan");
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");

        // The school proposes school support under the active agreement: proposed, and no share passes on it.
        var proposal = await (await school.PostJsonAsync("/api/consents/proposals", new
        {
            subjectId = subject,
            purpose = "school-support",
            dataCategories = new[] { "caring.role", "education.attendance" },
            note = "So we can give you extra time for homework.",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var proposalId = proposal.GetProperty("id").GetString()!;
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());
        var missing = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("denied", missing.GetProperty("status").GetString());
        Assert.Equal(["consent-missing"], Codes(missing));

        // Nobody but the young person answers: another young carer's try is an unknown id, the school's is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.PostJsonAsync($"/api/consents/{proposalId}/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostJsonAsync($"/api/consents/{proposalId}/accept")).StatusCode);

        // The young person says yes to the caring role only: active, and the attendance they removed is refused.
        var accepted = await (await youngCarer.PostJsonAsync($"/api/consents/{proposalId}/accept", new { dataCategories = new[] { "caring.role" } }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", accepted.GetProperty("status").GetString());
        Assert.Equal(["caring.role"], accepted.GetProperty("dataCategories").EnumerateArray().Select(c => c.GetString()));
        var approved = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.True(approved.GetProperty("status").GetString() == "approved", approved.ToString());
        Assert.Equal(proposalId, approved.GetProperty("decision").GetProperty("consentId").GetString());
        var removed = await (await Scenario.RequestShareAsync(school, subject, ["education.attendance"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("denied", removed.GetProperty("status").GetString());
        Assert.Equal(["consent-category-mismatch"], Codes(removed));

        // A second proposal, declined: final, it cannot be accepted afterwards.
        var second = await (await school.PostJsonAsync("/api/consents/proposals", new { subjectId = subject, purpose = "school-support" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetString()!;
        var declined = await (await youngCarer.PostJsonAsync($"/api/consents/{secondId}/decline", new { reason = "One is enough for me." })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await youngCarer.PostJsonAsync($"/api/consents/{secondId}/accept")).StatusCode);

        // The ledger has every step, and replaying each decision from it gives the same answer.
        string[] consentEvents = ["ConsentProposed", "ConsentAccepted", "ConsentProposed", "ConsentDeclined"];
        var entries = await WaitForLedgerAsync(auditor, subject, e => e.StartsWith("Consent", StringComparison.Ordinal), consentEvents.Length);
        Assert.Equal(consentEvents, entries);
        // Each service forwards its events on its own: the replays need the disclosure service's three
        // requests and the registry's activation of this story's agreement (the one the live checks
        // chose, being the newest) in the ledger too, or they would be judged on an older agreement.
        await WaitForLedgerAsync(auditor, subject, e => e == "DisclosureRequested", 3);
        await WaitForAgreementLedgeredAsync(auditor, dsaId);
        foreach (var id in new[] { missing, approved, removed }.Select(d => d.GetProperty("id").GetString()))
        {
            var replay = await (await auditor.GetAsync(new Uri($"/api/audit/disclosures/{id}/replay", UriKind.Relative), ct)).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.True(replay.GetProperty("consistent").GetBoolean(), replay.ToString());
        }

        var status = await (await youngCarer.GetAsync(new Uri($"/api/consents/{proposalId}", UriKind.Relative), ct)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("active", 2), (status.GetProperty("status").GetString(), status.GetProperty("version").GetInt32()));
    }

    private static List<string> Codes(JsonElement disclosure) =>
        [.. disclosure.GetProperty("decision").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    /// <summary>The subject's ledgered event types that <paramref name="include"/>, in the order they happened, once there are <paramref name="count"/>.</summary>
    private static async Task WaitForAgreementLedgeredAsync(HttpClient auditor, string dsaId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            string? after = null;
            do
            {
                var page = await (await auditor.GetAsync(new Uri($"/api/audit/entries?purpose=school-support&limit=1000{(after is null ? "" : "&after=" + after)}", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
                if (page.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("eventType").GetString() == "DsaActivated"
                        && e.GetProperty("data").TryGetProperty("dsaId", out var id) && id.GetString() == dsaId))
                {
                    return;
                }

                after = page.TryGetProperty("nextAfter", out var next) && next.ValueKind != JsonValueKind.Null ? next.ToString() : null;
            }
            while (after is not null);

            await Task.Delay(250);
        }

        throw new TimeoutException($"the ledger holds no DsaActivated for {dsaId} after {clock.Elapsed}");
    }

    private static async Task<List<string>> WaitForLedgerAsync(HttpClient auditor, string subject, Func<string, bool> include, int count)
    {
        var clock = Stopwatch.StartNew();
        List<string> types = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var page = await (await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}&limit=1000", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
            types = [.. page.GetProperty("entries").EnumerateArray()
                .OrderBy(e => e.GetProperty("occurredAt").GetDateTimeOffset())
                .Select(e => e.GetProperty("eventType").GetString()!)
                .Where(include)];
            if (types.Count >= count) return types;
            await Task.Delay(250);
        }

        throw new TimeoutException($"only {types.Count} matching ledger entries for {subject} after {clock.Elapsed}");
    }
}
