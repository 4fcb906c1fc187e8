using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Issue 5's acceptance scenario, against the service directly (the gateway's end-to-end suite repeats it through the gateway).</summary>
public sealed class AcceptanceTests(RegistryFixture fixture)
{
    private readonly Registry registry = new(fixture);

    [Fact]
    public async Task Officer_drafts_and_activates_checks_approve_and_refuse_suspension_closes_amendment_409_practitioner_403()
    {
        var officer = registry.Officer();
        var dsa = await registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(registry.As(PlatformRoles.Practitioner, registry.School), $"{path}/activate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(officer, $"{path}/activate"), HttpStatusCode.Conflict); // the school has not signed
        Assert.Equal(DsaStatus.Active, (await registry.SignByEveryPartyAsync(dsa.Id)).Status);

        var request = new CheckDsaScope(registry.School, registry.LocalAuthority, "school-support", ["identity.basic", "caring.role", "education.attendance"], DateTimeOffset.UtcNow);
        var approved = await fixture.CheckScopeAsync(request);
        Assert.True(approved.Covered);
        Assert.Equal(dsa.Id, approved.DsaId);

        var refused = await fixture.CheckScopeAsync(request with { DataCategories = ["identity.basic", "health.mental"] });
        Assert.Equal([ReasonCode.CategoryOutOfScope], refused.Reasons);

        await ProblemAsync(await PutAsync(officer, path, registry.Terms() with { Title = "Changed while active" }), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer, $"{path}/suspend", new { reason = "School reported a breach" })).StatusCode);
        Assert.Equal([ReasonCode.NoActiveDsa], (await fixture.CheckScopeAsync(request)).Reasons);
    }
}
