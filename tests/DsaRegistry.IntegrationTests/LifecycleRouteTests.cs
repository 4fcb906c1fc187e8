using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

public sealed class LifecycleRouteTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task Drafting_returns_201_with_location_etag_and_the_whole_dsa_in_draft_version_1()
    {
        var response = await PostAsync(Registry.Officer(), "/api/dsas", Registry.Terms());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dsa = await ReadAsync<Dsa>(response);
        Assert.Equal($"/api/dsas/{dsa.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", ETag(response));
        Assert.Equal((DsaStatus.Draft, 1L, 365), (dsa.Status, dsa.Version, dsa.RetentionDays));
        Assert.Equal([Registry.LocalAuthority, Registry.School], dsa.Parties.Select(p => p.OrgId));
        Assert.Equal(["school-support", "whole-family-support"], dsa.Purposes.Select(p => p.Code));
        Assert.Equal(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), dsa.Purposes[1].LawfulBasis);
    }

    [Fact]
    public async Task Reading_a_dsa_returns_it_with_its_version_as_etag_and_wire_names_in_kebab_case()
    {
        var dsa = await Registry.DraftAsync();

        var response = await GetAsync(Registry.As("Practitioner", Registry.School), $"/api/dsas/{dsa.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", ETag(response));
        var json = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("\"status\":\"draft\"", json, StringComparison.Ordinal);
        Assert.Contains("\"article6\":\"public-task\"", json, StringComparison.Ordinal);
        Assert.Contains("\"article9\":\"health-or-social-care\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"both\"", json, StringComparison.Ordinal);
        Assert.Equal(dsa.Title, (await ReadAsync<Dsa>(response)).Title);
    }

    [Fact]
    public async Task Unknown_dsa_is_404_for_reads_history_and_changes()
    {
        var id = Guid.NewGuid();

        await ProblemAsync(await GetAsync(Registry.Officer(), $"/api/dsas/{id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await GetAsync(Registry.Officer(), $"/api/dsas/{id}/history"), HttpStatusCode.NotFound);
        await ProblemAsync(await PostAsync(Registry.Officer(), $"/api/dsas/{id}/activate"), HttpStatusCode.NotFound);
        await ProblemAsync(await PutAsync(Registry.Officer(), $"/api/dsas/{id}", Registry.Terms()), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_terms_are_400_naming_every_field_and_store_nothing()
    {
        var terms = Registry.Terms() with
        {
            Title = " ",
            Parties = [new(Registry.LocalAuthority, "Council", "owner")],
            Purposes = [new("school-support", "Too short", ["health.mental"], new("consent", null), false, false)],
            RetentionDays = 4000,
        };

        var problem = await ProblemAsync(await PostAsync(Registry.Officer(), "/api/dsas", terms), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "parties", "parties[0].role", "purposes[0].description", "purposes[0].justifications[health.mental]", "purposes[0].lawfulBasis.article9",
                "purposes[0].requiresConsent", "retentionDays", "title",
            ],
            errors);
        var list = await ReadAsync<List<Dsa>>(await GetAsync(Registry.Officer(), $"/api/dsas?orgId={Registry.LocalAuthority}"));
        Assert.Empty(list);
    }

    [Fact]
    public async Task An_unknown_field_is_400_not_ignored()
    {
        var response = await Registry.Officer().PostAsync(
            new Uri("/api/dsas", UriKind.Relative),
            new StringContent("""{"title":"x","retentionDay":30}""", System.Text.Encoding.UTF8, "application/json"),
            Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("retentionDay", out _));
    }

    [Fact]
    public async Task Amending_a_draft_makes_a_new_version_and_if_match_guards_it()
    {
        var dsa = await Registry.DraftAsync();
        var amended = Registry.Terms() with { Title = "Second version", RetentionDays = 180 };

        var stale = await PutAsync(Registry.Officer(Registry.School), $"/api/dsas/{dsa.Id}", amended, ifMatch: "\"7\"");
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        var ok = await PutAsync(Registry.Officer(Registry.School), $"/api/dsas/{dsa.Id}", amended, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"2\"", ETag(ok));
        var after = await ReadAsync<Dsa>(ok);
        Assert.Equal((DsaStatus.Draft, 2L, "Second version", 180), (after.Status, after.Version, after.Title, after.RetentionDays));

        var replayed = await PutAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}", amended, ifMatch: "1");
        await ProblemAsync(replayed, HttpStatusCode.PreconditionFailed);
        var bare = await PutAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}", amended, ifMatch: "2");
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_amendments_of_the_same_version_one_wins_the_other_is_412()
    {
        var dsa = await Registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            PutAsync(Registry.Officer(), path, Registry.Terms() with { Title = $"Edit {i}" }, ifMatch: "\"1\"")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal(2L, (await ReadAsync<Dsa>(await GetAsync(Registry.Officer(), path))).Version);
    }

    [Fact]
    public async Task A_malformed_if_match_is_400()
    {
        var dsa = await Registry.DraftAsync();

        var problem = await ProblemAsync(await PostAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}/activate", ifMatch: "\"abc\""), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _));
    }

    [Fact]
    public async Task Amending_invalid_terms_is_400()
    {
        var dsa = await Registry.DraftAsync();

        var problem = await ProblemAsync(await PutAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}", Registry.Terms() with { RetentionDays = 0 }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("retentionDays", out _));
    }

    [Fact]
    public async Task Full_life_draft_signed_by_every_party_suspended_by_one_amended_signed_again_and_terminated_with_409s_where_the_state_forbids()
    {
        var officer = Registry.Officer();
        var school = Registry.Officer(Registry.School);
        var dsa = await Registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";
        Assert.Equal((1L, 1L), (dsa.Version, dsa.TermsVersion));
        Assert.Equal([Registry.LocalAuthority, Registry.School], dsa.AwaitingSignatureFrom!.Select(p => p.OrgId));

        await ProblemAsync(await PostAsync(officer, $"{path}/suspend", new { reason = "too early" }), HttpStatusCode.Conflict);
        await ProblemAsync(await PostAsync(officer, $"{path}/reinstate"), HttpStatusCode.Conflict);

        // Issue 17: nobody activates alone. The council's officer is refused, and told who has still to sign.
        var alone = await ProblemAsync(await PostAsync(officer, $"{path}/activate", ifMatch: "\"1\""), HttpStatusCode.Conflict);
        Assert.Contains(Registry.School, alone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await PostAsync(officer, $"{path}/sign", new { version = 9 }), HttpStatusCode.Conflict);
        await ProblemAsync(await PostAsync(officer, $"{path}/sign", new { }), HttpStatusCode.BadRequest);
        var first = await ReadAsync<Dsa>(await PostAsync(officer, $"{path}/sign", new { version = 1 }));
        Assert.Equal((DsaStatus.Draft, 2L), (first.Status, first.Version));
        Assert.Equal([Registry.School], first.AwaitingSignatureFrom!.Select(p => p.OrgId));
        await ProblemAsync(await PostAsync(officer, $"{path}/sign", new { version = 1 }), HttpStatusCode.Conflict);
        var stillAlone = await ProblemAsync(await PostAsync(officer, $"{path}/activate"), HttpStatusCode.Conflict);
        Assert.Contains(Registry.School, stillAlone.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var activated = await PostAsync(school, $"{path}/sign", new { version = 1 });
        Assert.Equal((HttpStatusCode.OK, "\"4\""), (activated.StatusCode, ETag(activated)));
        var active = await ReadAsync<Dsa>(activated);
        Assert.Equal(DsaStatus.Active, active.Status);
        Assert.Equal([Registry.LocalAuthority, Registry.School], active.Signatures!.Select(s => s.OrgId));
        Assert.Empty(active.AwaitingSignatureFrom!);
        await ProblemAsync(await PostAsync(officer, $"{path}/activate"), HttpStatusCode.Conflict);
        await ProblemAsync(await PutAsync(officer, path, Registry.Terms()), HttpStatusCode.Conflict);

        // Either party alone suspends, at once.
        await ProblemAsync(await PostAsync(school, $"{path}/suspend", new { reason = " " }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PostAsync(school, $"{path}/suspend"), HttpStatusCode.BadRequest);
        var suspended = await ReadAsync<Dsa>(await PostAsync(school, $"{path}/suspend", new { reason = "Breach under investigation" }));
        Assert.Equal((DsaStatus.Suspended, "Breach under investigation", 5L), (suspended.Status, suspended.StatusReason, suspended.Version));
        Assert.Empty(suspended.Signatures!);
        await ProblemAsync(await PostAsync(officer, $"{path}/reinstate"), HttpStatusCode.Conflict);

        // An amendment makes new terms: every party signs them, and the last signature reinstates.
        var amended = await PutAsync(officer, path, Registry.Terms() with { Title = "Tightened" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var amendedDsa = await ReadAsync<Dsa>(amended);
        Assert.Equal((DsaStatus.Suspended, "Tightened", 6L, 6L), (amendedDsa.Status, amendedDsa.Title, amendedDsa.Version, amendedDsa.TermsVersion));
        await ProblemAsync(await PostAsync(school, $"{path}/sign", new { version = 1 }), HttpStatusCode.Conflict);
        var reinstated = await Registry.SignByEveryPartyAsync(dsa.Id);
        Assert.Equal((DsaStatus.Active, 9L, null), (reinstated.Status, reinstated.Version, reinstated.StatusReason));

        await ProblemAsync(await PostAsync(officer, $"{path}/terminate", new { }), HttpStatusCode.BadRequest);
        var terminated = await ReadAsync<Dsa>(await PostAsync(school, $"{path}/terminate", new { reason = "Replaced" }));
        Assert.Equal((DsaStatus.Terminated, "Replaced"), (terminated.Status, terminated.StatusReason));

        await ProblemAsync(await PostAsync(officer, $"{path}/terminate", new { reason = "again" }), HttpStatusCode.Conflict);
        await ProblemAsync(await PostAsync(officer, $"{path}/reinstate"), HttpStatusCode.Conflict);
        await ProblemAsync(await PostAsync(officer, $"{path}/activate"), HttpStatusCode.Conflict);
        await ProblemAsync(await PostAsync(officer, $"{path}/sign", new { version = 6 }), HttpStatusCode.Conflict);
        await ProblemAsync(await PutAsync(officer, path, Registry.Terms()), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Activation_after_effective_to_is_409()
    {
        var ended = Registry.Terms(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        var dsa = await Registry.DraftAsync(ended);

        var problem = await ProblemAsync(await PostAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}/activate"), HttpStatusCode.Conflict);

        Assert.Contains("ended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_lists_every_version_with_its_content_and_the_event_that_made_it()
    {
        var officer = Registry.Officer();
        var dsa = await Registry.DraftAsync();
        await Registry.SignByEveryPartyAsync(dsa.Id);
        await PostAsync(officer, $"/api/dsas/{dsa.Id}/suspend", new { reason = "Review" });
        await PutAsync(officer, $"/api/dsas/{dsa.Id}", Registry.Terms() with { Title = "Reviewed" });

        var response = await GetAsync(Registry.As("Auditor"), $"/api/dsas/{dsa.Id}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await ReadAsync<List<DsaVersion>>(response);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], history.Select(v => v.Version));
        Assert.Equal(["dsa-drafted", "dsa-signed", "dsa-signed", "dsa-activated", "dsa-suspended", "dsa-amended"], history.Select(v => v.Change.Event));
        Assert.Equal("Reviewed", history[^1].Dsa.Title);
        Assert.All(history.Take(5), v => Assert.Equal("Young carers support: council and school", v.Dsa.Title));
        Assert.Equal([Registry.LocalAuthority, Registry.School], history[3].Dsa.Signatures!.Select(s => s.OrgId));
        Assert.Equal("Review", history[4].Change.Reason);
        Assert.Equal("IgOfficer", history[0].Change.Actor.Role);
        Assert.Equal(Registry.LocalAuthority, history[0].Change.Actor.OrgId);
        Assert.All(history, v => Assert.NotEqual(Guid.Empty, v.Change.EventId));
    }
}
