using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Only an IG officer of a party governs; practitioners, safeguarding leads, auditors (and IG officers) read; young carers get 403.</summary>
public sealed class RoleMatrixTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    public static TheoryData<string> Readers => [PlatformRoles.IgOfficer, PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor];

    public static TheoryData<string> NonOfficers => [PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor, PlatformRoles.YoungCarer];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Readers_of_any_org_read_a_dsa_its_history_and_the_list(string role)
    {
        var dsa = await Registry.DraftAsync();
        var client = Registry.As(role, NewOrg("ORG"));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas/{dsa.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas/{dsa.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/api/dsas?orgId={Registry.LocalAuthority}")).StatusCode);
    }

    [Fact]
    public async Task A_young_carer_reads_nothing_here()
    {
        var dsa = await Registry.DraftAsync();
        var client = Registry.As(PlatformRoles.YoungCarer, subjectId: "yc-1");

        await ProblemAsync(await GetAsync(client, $"/api/dsas/{dsa.Id}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, $"/api/dsas/{dsa.Id}/history"), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/dsas"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    public async Task Other_roles_of_a_party_cannot_draft_amend_or_change_status(string role)
    {
        var dsa = await Registry.DraftAsync();
        var client = Registry.As(role, Registry.LocalAuthority);
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(client, "/api/dsas", Registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PutAsync(client, path, Registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/activate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/sign", new { version = 1 }), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/suspend", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/reinstate"), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(client, $"{path}/terminate", new { reason = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_ig_officer_of_a_non_party_cannot_draft_it_nor_govern_it()
    {
        var dsa = await Registry.DraftAsync();
        var stranger = Registry.Officer(NewOrg("GP"));
        var path = $"/api/dsas/{dsa.Id}";

        await ProblemAsync(await PostAsync(stranger, "/api/dsas", Registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PutAsync(stranger, path, Registry.Terms()), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(stranger, $"{path}/activate", ifMatch: "\"9\""), HttpStatusCode.Forbidden);
        await ProblemAsync(await PostAsync(stranger, $"{path}/terminate", new { reason = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(1L, (await ReadAsync<Reading.Dsa>(await GetAsync(stranger, path))).Version);
    }

    [Fact]
    public async Task An_ig_officer_of_either_party_signs_it_and_a_stranger_officer_cannot()
    {
        var dsa = await Registry.DraftAsync(client: Registry.Officer(Registry.LocalAuthority));

        var response = await PostAsync(Registry.Officer(Registry.School), $"/api/dsas/{dsa.Id}/sign", new { version = 1 });
        await ProblemAsync(await PostAsync(Registry.Officer(NewOrg("GP")), $"/api/dsas/{dsa.Id}/sign", new { version = 1 }), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Registry.School], (await ReadAsync<Reading.Dsa>(response)).Signatures!.Select(s => s.OrgId));
    }

    [Fact]
    public async Task Without_a_token_every_route_is_401()
    {
        var client = Fixture.Host.CreateClient();

        await ProblemAsync(await GetAsync(client, "/api/dsas"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, "/api/dsas", Registry.Terms()), HttpStatusCode.Unauthorized);
    }
}
