namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>The first half of the brief's story: an agreement is made, a young carer consents.</summary>
public sealed class ConsentAndAgreementStoryTests(PlatformProcesses platform)
{
    [Fact]
    public async Task IG_officer_drafts_and_activates_a_DSA_that_a_practitioner_can_read_but_not_activate()
    {
        var ct = TestContext.Current.CancellationToken;
        using var ig = await platform.ClientAsAsync("IgOfficer", org: Scenario.LocalAuthority);
        using var practitioner = await platform.ClientAsAsync("Practitioner", org: Scenario.School);

        var drafted = await ig.PostJsonAsync("/api/dsas", Scenario.SchoolSupportDsa());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (await drafted.ReadJsonAsync()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostJsonAsync($"/api/dsas/{id}/activate")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostJsonAsync($"/api/dsas/{id}/sign", new { version = 1 })).StatusCode);
        Assert.Equal("active", (await platform.SignByEveryPartyAsync(id)).GetProperty("status").GetString());

        var read = await practitioner.GetAsync(new Uri($"/api/dsas/{id}", UriKind.Relative), ct);
        Assert.Equal("active", (await read.ReadJsonAsync()).GetProperty("status").GetString());
    }

    /// <summary>
    /// Issue 17's acceptance through the gateway: nobody binds another organisation alone. The
    /// council's officer cannot activate what the school has not signed (and is told so), a stranger
    /// organisation's officer cannot sign, both signatures of the same version activate it, either party
    /// alone suspends it (the next share sees it), an amendment clears the signatures, reinstating needs
    /// both again, and the ledger and the auditor's replay show the signatures.
    /// </summary>
    [Fact]
    public async Task A_DSA_binds_only_once_every_party_signed_the_same_version_and_any_one_party_can_suspend_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var council = await platform.ClientAsAsync("IgOfficer", org: Scenario.LocalAuthority, name: "ig-council");
        using var schoolIg = await platform.ClientAsAsync("IgOfficer", org: Scenario.School, name: "ig-school");
        using var stranger = await platform.ClientAsAsync("IgOfficer", org: "URN-NOT-A-PARTY", name: "ig-stranger");
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-sign");
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");

        var draft = await (await council.PostJsonAsync("/api/dsas", Scenario.SchoolSupportDsa("Signed by both"))).ExpectJsonAsync(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString()!;
        var alone = await (await council.PostJsonAsync($"/api/dsas/{id}/activate")).ExpectJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains(Scenario.School, alone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync($"/api/dsas/{id}/sign", new { version = 1 })).StatusCode);

        var half = await (await council.PostJsonAsync($"/api/dsas/{id}/sign", new { version = 1 })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("draft", half.GetProperty("status").GetString());
        Assert.Equal([Scenario.School], half.GetProperty("awaitingSignatureFrom").EnumerateArray().Select(a => a.GetProperty("orgId").GetString()));
        var active = await (await schoolIg.PostJsonAsync($"/api/dsas/{id}/sign", new { version = 1 })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", active.GetProperty("status").GetString());

        var subject = Scenario.NewSubject();
        await new Scenario(platform).ConsentAsync(subject);
        var approved = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.True(approved.GetProperty("status").GetString() == "approved", approved.ToString());

        // The school alone suspends its own agreement with the council: the very next share finds no agreement.
        await (await schoolIg.PostJsonAsync($"/api/dsas/{id}/suspend", new { reason = "Our data protection officer asked for a review." })).ExpectJsonAsync(HttpStatusCode.OK);
        var afterSuspension = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(id, afterSuspension.GetProperty("decision").TryGetProperty("dsaId", out var d) ? d.GetString() : null);

        // An amendment clears the signatures: reinstating alone is refused; both sign the new terms again.
        var amended = await (await council.PutJsonAsync($"/api/dsas/{id}", Scenario.SchoolSupportDsa("Signed by both, amended"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Empty(amended.GetProperty("signatures").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await council.PostJsonAsync($"/api/dsas/{id}/reinstate")).StatusCode);
        Assert.Equal("active", (await platform.SignByEveryPartyAsync(id)).GetProperty("status").GetString());

        // The ledger holds every signature, and the replay of the approved share shows the two in force then.
        var signedTypes = await WaitForDsaEventsAsync(auditor, id, "DsaSigned", 4);
        Assert.Equal(4, signedTypes);
        // The replay judges on what the ledger holds: each service forwards on its own, so wait for the
        // consent the share was approved under too (CI once replayed before it arrived: consent-missing).
        await WaitForSubjectEventsAsync(auditor, subject, ["ConsentGranted", "DisclosureApproved"]);
        var replay = await (await auditor.GetAsync(new Uri($"/api/audit/disclosures/{approved.GetProperty("id").GetString()}/replay", UriKind.Relative), ct)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(replay.GetProperty("consistent").GetBoolean(), replay.ToString());
        // (Another story's newer agreement between the same two may have decided it: every one of them was signed by both.)
        Assert.Equal(
            new HashSet<string?> { Scenario.LocalAuthority, Scenario.School },
            replay.GetProperty("dsaSignatures").EnumerateArray().Select(g => g.GetProperty("orgId").GetString()).ToHashSet());
    }

    /// <summary>Waits until the ledger holds an entry of each of <paramref name="types"/> about the subject.</summary>
    private static async Task WaitForSubjectEventsAsync(HttpClient auditor, string subject, string[] types)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var seen = new List<string?>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            var page = await (await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}&limit=1000", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
            seen = [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("eventType").GetString())];
            if (types.All(seen.Contains)) return;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the ledger of {subject} lacks one of {string.Join(", ", types)} after 60 s: {string.Join(", ", seen)}");
    }

    /// <summary>How many of the DSA's ledgered events are of <paramref name="type"/>, once at least <paramref name="count"/> are (each service forwards on its own).</summary>
    private static async Task<int> WaitForDsaEventsAsync(HttpClient auditor, string dsaId, string type, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var seen = 0;
        while (DateTimeOffset.UtcNow < deadline)
        {
            // A signature is filed under the signing organisation: ask for both parties' entries.
            var sequences = new HashSet<long>();
            foreach (var org in new[] { Scenario.LocalAuthority, Scenario.School })
            {
                long? after = null;
                do
                {
                    var page = await (await auditor.GetAsync(new Uri($"/api/audit/entries?orgId={org}&limit=1000{(after is null ? "" : "&after=" + after)}", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
                    foreach (var e in page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("eventType").GetString() == type
                                 && e.GetProperty("data").GetProperty("dsaId").GetString() == dsaId))
                    {
                        sequences.Add(e.GetProperty("sequence").GetInt64());
                    }

                    after = page.TryGetProperty("nextAfter", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.Number ? next.GetInt64() : null;
                }
                while (after is not null);
            }

            seen = sequences.Count;
            if (seen >= count) return seen;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the ledger holds {seen} {type} of DSA {dsaId} after 60 s, expected {count}");
        return seen;
    }

    [Fact]
    public async Task Young_carer_grants_pauses_resumes_and_withdraws_and_another_young_carer_sees_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subject = Scenario.NewSubject();
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        using var someoneElse = await platform.ClientAsAsync("YoungCarer", subjectId: Scenario.NewSubject());

        var granted = await youngCarer.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var id = (await granted.ReadJsonAsync()).GetProperty("id").GetString();

        foreach (var (action, status) in new[] { ("pause", "paused"), ("resume", "active"), ("withdraw", "withdrawn") })
        {
            var changed = await youngCarer.PostJsonAsync($"/api/consents/{id}/{action}");
            Assert.Equal(status, (await changed.ReadJsonAsync()).GetProperty("status").GetString());
        }

        var history = await (await youngCarer.GetAsync(new Uri($"/api/consents/{id}/history", UriKind.Relative), ct)).ReadJsonAsync();
        Assert.Equal(4, history.GetArrayLength());
        var stranger = await someoneElse.GetAsync(new Uri($"/api/consents/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.DoesNotContain(subject, await stranger.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioner_of_a_party_to_the_agreement_sees_a_consent_naming_no_one_and_a_stranger_organisation_can_neither_see_nor_end_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await new Scenario(platform).ActiveDsaAsync();
        var subject = Scenario.NewSubject();
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        using var council = await platform.ClientAsAsync("Practitioner", org: Scenario.LocalAuthority);
        using var stranger = await platform.ClientAsAsync("Practitioner", org: "CHARITY-E2E-" + Guid.NewGuid().ToString("N")[..6]);
        var granted = await youngCarer.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var id = (await granted.ReadJsonAsync()).GetProperty("id").GetString();

        // The council is party to the active agreement for school support: the registry says so over RabbitMQ.
        var seen = await council.GetAsync(new Uri($"/api/consents/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var listedForCouncil = await council.GetAsync(new Uri($"/api/consents?subjectId={subject}", UriKind.Relative), ct);
        Assert.Contains(id!, await listedForCouncil.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        // An organisation tied to nothing: an unknown id, an empty list, and a withdrawal that changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/api/consents/{id}", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/api/consents/{id}/history", UriKind.Relative), ct)).StatusCode);
        var listedForStranger = await stranger.GetAsync(new Uri($"/api/consents?subjectId={subject}", UriKind.Relative), ct);
        Assert.Equal("[]", await listedForStranger.Content.ReadAsStringAsync(ct));
        var withdrawn = await stranger.PostJsonAsync($"/api/consents/{id}/withdraw", new { reason = "Told to by someone" });
        Assert.Equal(HttpStatusCode.NotFound, withdrawn.StatusCode);
        var after = await (await youngCarer.GetAsync(new Uri($"/api/consents/{id}", UriKind.Relative), ct)).ReadJsonAsync();
        Assert.Equal(("active", 1), (after.GetProperty("status").GetString(), after.GetProperty("version").GetInt32()));
    }
}
