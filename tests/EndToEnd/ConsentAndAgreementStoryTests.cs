using System.Net;
using ConsentPlatform.TestSupport.Processes;
using Xunit;

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
        var id = (await drafted.ReadJsonAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostJsonAsync($"/api/dsas/{id}/activate")).StatusCode);
        var activated = await ig.PostJsonAsync($"/api/dsas/{id}/activate");
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);

        var read = await practitioner.GetAsync(new Uri($"/api/dsas/{id}", UriKind.Relative), ct);
        Assert.Equal("active", (await read.ReadJsonAsync()).GetProperty("status").GetString());
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
