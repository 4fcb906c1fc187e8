namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Issue 18, part 1, on the real processes: the organisation a token acts for, and its roles, are
/// the platform's mapping of the token's identity tenant (<c>tid</c>, <c>Auth:Tenants</c>), not what
/// the tenant put in the token. Tried as a tenant's own administrator would: claiming another
/// organisation's code, a role the platform does not allow that organisation, or an organisation
/// of a shared tenant that the mapping does not list; and as a tenant the platform never onboarded.
/// Each service validates and maps the token itself, so going round the gateway changes nothing.
/// </summary>
public sealed class TenantMappingTests(PlatformProcesses platform)
{
    /// <summary>The organisation the shares are asked of: no agreement names it, only who asks matters.</summary>
    private const string Holder = "LA-TENANT-HOLDER";

    [Fact]
    public async Task A_tenant_claiming_another_organisations_code_acts_for_its_own_mapped_organisation()
    {
        using var claimsCouncil = await platform.ClientAsAsync("Practitioner", org: "LA-NOT-MINE", name: "pat", tenantId: TestTenants.School);

        var request = await TenantShares.RequestAsync(claimsCouncil, Holder);

        Assert.Equal(HttpStatusCode.Created, request.Status);
        Assert.Equal(TestTenants.SchoolOrg, request.Body.GetProperty("requesterOrgId").GetString());
    }

    [Fact]
    public async Task A_tenant_the_platform_never_onboarded_is_401_at_the_gateway_and_at_every_service()
    {
        using var stranger = await platform.ClientAsAsync("Auditor", name: "eve", tenantId: "tenant-nobody-onboarded");
        var token = stranger.DefaultRequestHeaders.Authorization!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        foreach (var (service, path) in new[] { ("consent", "/api/consents"), ("dsa-registry", "/api/dsas"), ("disclosure", "/api/disclosures?subjectId=yc-x"), ("audit", "/api/audit/verify") })
        {
            using var direct = new HttpClient { BaseAddress = platform[service].BaseAddress };
            direct.DefaultRequestHeaders.Authorization = token;
            using var response = await direct.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{service} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_role_the_platform_does_not_allow_the_organisation_is_401_even_though_the_tenant_assigned_it()
    {
        using var schoolAuditor = await platform.ClientAsAsync("Auditor", name: "sam", tenantId: TestTenants.School);
        using var schoolPractitioner = await platform.ClientAsAsync("Practitioner", name: "sam", tenantId: TestTenants.School);

        Assert.Equal(HttpStatusCode.Unauthorized, (await schoolAuditor.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await schoolPractitioner.GetAsync(new Uri("/api/dsas", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_shared_tenant_acts_for_the_organisation_it_chose_among_its_mapping_and_is_refused_without_a_choice_or_outside_it()
    {
        using var second = await platform.ClientAsAsync("Practitioner", org: TestTenants.TrustOrgs[1], name: "gp", tenantId: TestTenants.Trust);
        using var none = await platform.ClientAsAsync("Practitioner", name: "gp", tenantId: TestTenants.Trust);
        using var outside = await platform.ClientAsAsync("Practitioner", org: TestTenants.SchoolOrg, name: "gp", tenantId: TestTenants.Trust);

        await TenantShares.AssertActsForTheChosenOrganisationOnlyAsync(Holder, second, none, outside);
    }

    [Fact]
    public async Task The_young_carers_tenant_allows_young_carers_only_and_acts_for_no_ledger_id_until_the_sign_in_is_linked()
    {
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: "yc-tenant-" + Guid.NewGuid().ToString("N")[..8], tenantId: TestTenants.Consumer);
        using var posingAsStaff = await platform.ClientAsAsync("Practitioner", org: TestTenants.SchoolOrg, name: "kid", tenantId: TestTenants.Consumer);

        // Authenticated as a young carer (not 401), but the subject_id it claims is not believed: nothing to see (SubjectLinkingTests).
        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri("/api/consents", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await youngCarer.GetAsync(new Uri("/api/me/links", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await posingAsStaff.GetAsync(new Uri("/api/dsas", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
