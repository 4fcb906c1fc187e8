using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Only an IG officer of a party governs; practitioners, safeguarding leads, auditors (and IG officers) read; young carers get 403.</summary>
public sealed class RoleMatrixTests(RegistryFixture fixture)
{
    private readonly Registry registry = new(fixture);

    public static TheoryData<string> Readers => [PlatformRoles.IgOfficer, PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor];

    public static TheoryData<string> NonOfficers => [PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor, PlatformRoles.YoungCarer];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Readers_of_any_org_read_a_dsa_its_history_and_the_list(string role)
    {
        var dsa = await registry.DraftAsync();
        var client = registry.As(role, NewOrg("ORG"));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas/{dsa.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas/{dsa.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas?orgId={registry.LocalAuthority}")).StatusCode);
    }

    [Fact]
    public async Task A_young_carer_reads_nothing_here()
    {
        var dsa = await registry.DraftAsync();
        var client = registry.As(PlatformRoles.YoungCarer, subjectId: "yc-1");

        await ProblemAsync(await GetAsync(client, $"/api/dsas/{dsa.Id}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, $"/api/dsas/{dsa.Id}/history"), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/dsas"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    public async Task Other_roles_of_a_party_cannot_draft_amend_or_change_status(string role)
    {
        var dsa = await registry.DraftAsync();
        var client = registry.As(role, registry.LocalAuthority);
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(client, "/api/dsas", registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PutAsync(client, path, registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/activate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/sign", new { version = 1 }), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/suspend", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/reinstate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/terminate", new { reason = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_ig_officer_of_a_non_party_cannot_draft_it_nor_govern_it()
    {
        var dsa = await registry.DraftAsync();
        var stranger = registry.Officer(NewOrg("GP"));
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(stranger, "/api/dsas", registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PutAsync(stranger, path, registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(stranger, $"{path}/activate", ifMatch: "\"9\""), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(stranger, $"{path}/terminate", new { reason = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(1L, (await ReadAsync<Reading.Dsa>(await GetAsync(stranger, path))).Version);
    }

    [Fact]
    public async Task An_ig_officer_of_either_party_signs_it_and_a_stranger_officer_cannot()
    {
        var dsa = await registry.DraftAsync(client: registry.Officer(registry.LocalAuthority));

        var response = await PostAsync(registry.Officer(registry.School), $"/api/dsas/{dsa.Id}/sign", new { version = 1 });
        await ProblemAsync(await PostAsync(registry.Officer(NewOrg("GP")), $"/api/dsas/{dsa.Id}/sign", new { version = 1 }), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([registry.School], (await ReadAsync<Reading.Dsa>(response)).Signatures!.Select(s => s.OrgId));
    }

    [Fact]
    public async Task Without_a_token_every_route_is_401()
    {
        var client = fixture.Host.CreateClient();

        await ProblemAsync(await GetAsync(client, "/api/dsas"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, "/api/dsas", registry.Terms()), HttpStatusCode.Unauthorized);
    }
}
