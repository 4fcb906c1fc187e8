namespace ConsentPlatform.Security.Tests;

/// <summary>
/// A practitioner of a mapped tenant asks for a share: what matters is which organisation the
/// platform says asked (the answer's <c>requesterOrgId</c>), or that it refuses to say (401).
/// </summary>
internal static class TenantShares
{
    /// <summary>Asks <paramref name="holderOrgId"/> for a share about a fresh subject, acting for <paramref name="actingOrg"/> when given; returns the status and the body (empty when none).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(HttpClient practitioner, string holderOrgId, string? actingOrg = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disclosures")
        {
            Content = JsonContent.Create(new
            {
                subjectId = Scenario.NewSubject(),
                purpose = "school-support",
                holderOrgId,
                dataCategories = new[] { "caring.role" },
                basis = "consent",
            }),
        };
        if (actingOrg is not null) request.Headers.Add("X-Acting-Org", actingOrg);
        using var response = await practitioner.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(text) ? "{}" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>
    /// A member of the shared trust who chose its second practice acts for it; one who chose none,
    /// or an organisation outside the trust's mapping, is refused (401).
    /// </summary>
    public static async Task AssertActsForTheChosenOrganisationOnlyAsync(string holderOrgId, HttpClient second, HttpClient none, HttpClient outside)
    {
        var chosen = await RequestAsync(second, holderOrgId);
        Assert.Equal(HttpStatusCode.Created, chosen.Status);
        Assert.Equal(TestTenants.TrustOrgs[1], chosen.Body.GetProperty("requesterOrgId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(none, holderOrgId)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(outside, holderOrgId)).Status);
    }
}
