namespace ConsentPlatform.Security.Tests.SignIn;

/// <summary>
/// Issue 18, part 3: the production sign-in path end to end, against a real OpenID Certified provider
/// (npm's oidc-provider) run on loopback as the identity tenants. Every token here was got through the
/// authorization-code flow with PKCE and validated by Microsoft.Identity.Web in the gateway and in each
/// service (multi-tenant, <c>organizations</c>, its AAD issuer validator), then mapped by the
/// platform's tenant mapping. Nothing here uses a dev token: in this configuration there is none.
/// </summary>
[Collection(nameof(ProductionSignIn))]
public sealed class OidcSignInTests(SignInPlatform platform)
{
    /// <summary>The organisation the shares are asked of: no agreement names it, only who asks matters.</summary>
    private const string Holder = "LA-SIGN-IN-HOLDER";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_the_production_configuration_there_is_no_dev_token_to_ask_for()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        using var response = await anonymous.PostAsJsonAsync("/auth/dev-token", new { role = "Auditor" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_member_of_an_onboarded_tenant_acts_for_its_mapped_organisation_not_the_one_its_token_claims()
    {
        using var pat = await platform.SignedInAsync(TestTenants.School, "pat");

        var request = await TenantShares.RequestAsync(pat, Holder);

        Assert.Equal(HttpStatusCode.Created, request.Status);
        Assert.Equal(TestTenants.SchoolOrg, request.Body.GetProperty("requesterOrgId").GetString());
    }

    [Fact]
    public async Task A_signed_in_member_of_a_tenant_never_onboarded_is_401_at_the_gateway_and_at_every_service()
    {
        using var mallory = await platform.SignedInAsync(SignInPlatform.Stranger, "mallory");

        Assert.Equal(HttpStatusCode.Unauthorized, (await TenantShares.RequestAsync(mallory, Holder)).Status);
        foreach (var (service, path) in new[] { ("consent", "/api/consents?subjectId=yc-x"), ("dsa-registry", "/api/dsas"), ("disclosure", "/api/disclosures?subjectId=yc-x"), ("audit", "/api/audit/verify") })
        {
            using var direct = new HttpClient { BaseAddress = platform[service].BaseAddress };
            direct.DefaultRequestHeaders.Authorization = mallory.DefaultRequestHeaders.Authorization;
            using var response = await direct.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{service} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_role_assigned_in_the_tenant_but_not_allowed_to_its_organisation_is_401()
    {
        using var schoolAuditor = await platform.SignedInAsync(TestTenants.School, "aud");
        using var officer = await platform.SignedInAsync(TestTenants.School, "ines");

        Assert.Equal(HttpStatusCode.Unauthorized, (await schoolAuditor.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/api/dsas/templates", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_shared_tenant_acts_for_the_organisation_chosen_among_its_mapping_and_is_refused_without_a_choice_or_outside_it()
    {
        using var second = await platform.SignedInAsync(TestTenants.Trust, "gp-second");
        using var none = await platform.SignedInAsync(TestTenants.Trust, "gp-none");
        using var outside = await platform.SignedInAsync(TestTenants.Trust, "gp-outside");

        await TenantShares.AssertActsForTheChosenOrganisationOnlyAsync(Holder, second, none, outside);
    }

    [Fact]
    public async Task A_shared_tenants_user_learns_their_choices_acts_for_the_one_they_choose_and_every_process_refuses_a_choice_outside_the_mapping()
    {
        using var none = await platform.SignedInAsync(TestTenants.Trust, "gp-none");
        using var second = await platform.SignedInAsync(TestTenants.Trust, "gp-second");

        // Before choosing: who they are and what they may choose, and nothing else (no organisation, no role).
        var unchosen = await SessionAsync(none, actingOrg: null);
        Assert.False(unchosen.TryGetProperty("orgId", out var org) && org.ValueKind != JsonValueKind.Null, unchosen.GetRawText());
        Assert.Empty(unchosen.GetProperty("roles").EnumerateArray());
        Assert.Equal(TestTenants.TrustOrgs, unchosen.GetProperty("orgChoices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TenantShares.RequestAsync(none, Holder)).Status);

        // Having chosen, through the gateway: the session and the share are the chosen organisation's.
        var chosen = await SessionAsync(none, TestTenants.TrustOrgs[0]);
        Assert.Equal(TestTenants.TrustOrgs[0], chosen.GetProperty("orgId").GetString());
        Assert.Equal(["Practitioner"], chosen.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var share = await TenantShares.RequestAsync(none, Holder, TestTenants.TrustOrgs[0]);
        Assert.Equal(HttpStatusCode.Created, share.Status);
        Assert.Equal(TestTenants.TrustOrgs[0], share.Body.GetProperty("requesterOrgId").GetString());
        // The person's choice in the portal wins over the org their tenant's administrator put in the token.
        Assert.Equal(TestTenants.TrustOrgs[0], (await TenantShares.RequestAsync(second, Holder, TestTenants.TrustOrgs[0])).Body.GetProperty("requesterOrgId").GetString());

        // A choice outside the mapping: 401 at the gateway, its session included, and at every service asked directly.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TenantShares.RequestAsync(none, Holder, TestTenants.SchoolOrg)).Status);
        using (var outside = new HttpRequestMessage(HttpMethod.Get, "/auth/session"))
        {
            outside.Headers.Add("X-Acting-Org", TestTenants.SchoolOrg);
            Assert.Equal(HttpStatusCode.Unauthorized, (await none.SendAsync(outside, Cancel)).StatusCode);
        }

        foreach (var (service, path) in new[] { ("consent", "/api/consents?subjectId=yc-x"), ("dsa-registry", "/api/dsas"), ("disclosure", "/api/disclosures?subjectId=yc-x"), ("audit", "/api/audit/verify") })
        {
            using var direct = new HttpClient { BaseAddress = platform[service].BaseAddress };
            direct.DefaultRequestHeaders.Authorization = none.DefaultRequestHeaders.Authorization;
            direct.DefaultRequestHeaders.Add("X-Acting-Org", TestTenants.SchoolOrg);
            using var response = await direct.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{service} {path}: {(int)response.StatusCode}");
        }
    }

    private static async Task<JsonElement> SessionAsync(HttpClient client, string? actingOrg)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/session");
        if (actingOrg is not null) request.Headers.Add("X-Acting-Org", actingOrg);
        using var response = await client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_signed_in_young_carer_sees_nothing_until_linked_with_a_valid_code_then_their_own_consents_and_the_used_code_is_refused()
    {
        var subject = Scenario.NewSubject();
        using var pat = await platform.SignedInAsync(TestTenants.School, "pat");
        var consent = await (await pat.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var consentId = consent.GetProperty("id").GetString();
        using var sam = await platform.SignedInAsync(TestTenants.Consumer, "sam");

        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync(new Uri("/api/consents", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync(new Uri($"/api/consents/{consentId}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), Cancel)).StatusCode);

        var code = (await (await pat.PostJsonAsync("/api/link-codes", new { subjectId = subject })).ExpectJsonAsync(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostJsonAsync("/api/me/links", new { code = "ABCD-EFGH-JKMN" })).StatusCode);
        var linked = await (await sam.PostJsonAsync("/api/me/links", new { code })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(subject, linked.GetProperty("subjectId").GetString());

        using var mine = await sam.GetAsync(new Uri("/api/consents", UriKind.Relative), Cancel);
        var consents = await mine.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal([consentId], consents.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), Cancel)).StatusCode);

        // The same code from another sign-in (Sam's phone) is used up; a third person's sign-in sees nothing of Sam's.
        using var phone = await platform.SignedInAsync(TestTenants.Consumer, "sam-phone");
        Assert.Equal(HttpStatusCode.Conflict, (await phone.PostJsonAsync("/api/me/links", new { code })).StatusCode);
        using var alex = await platform.SignedInAsync(TestTenants.Consumer, "alex");
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.GetAsync(new Uri($"/api/consents/{consentId}", UriKind.Relative), Cancel)).StatusCode);
    }
}
