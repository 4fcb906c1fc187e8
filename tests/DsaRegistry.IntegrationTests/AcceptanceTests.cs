using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Issue 5's acceptance scenario, against the service directly (the gateway's end-to-end suite repeats it through the gateway).</summary>
public sealed class AcceptanceTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task Officer_drafts_and_activates_checks_approve_and_refuse_suspension_closes_amendment_409_practitioner_403()
    {
        var officer = Registry.Officer();
        var dsa = await Registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(Registry.As(PlatformRoles.Practitioner, Registry.School), $"{path}/activate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(officer, $"{path}/activate"), HttpStatusCode.Conflict); // the school has not signed
        Assert.Equal(DsaStatus.Active, (await Registry.SignByEveryPartyAsync(dsa.Id)).Status);

        var request = new CheckDsaScope(Registry.School, Registry.LocalAuthority, "school-support", ["identity.basic", "caring.role", "education.attendance"], DateTimeOffset.UtcNow);
        var approved = await Fixture.CheckScopeAsync(request);
        Assert.True(approved.Covered);
        Assert.Equal(dsa.Id, approved.DsaId);

        var refused = await Fixture.CheckScopeAsync(request with { DataCategories = ["identity.basic", "health.mental"] });
        Assert.Equal([ReasonCode.CategoryOutOfScope], refused.Reasons);

        await ProblemAsync(await PutAsync(officer, path, Registry.Terms() with { Title = "Changed while active" }), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer, $"{path}/suspend", new { reason = "School reported a breach" })).StatusCode);
        Assert.Equal([ReasonCode.NoActiveDsa], (await Fixture.CheckScopeAsync(request)).Reasons);
    }
}
