namespace ConsentPlatform.Gateway.Tests;

/// <summary>
/// The one concession the production authentication path makes to the OpenID provider the tests run
/// on loopback (issue 18): only a loopback authority may serve metadata over HTTP, and Entra's
/// multi-tenant issuer template is derived from the authority exactly as its metadata states it.
/// </summary>
public sealed class LoopbackAuthorityTests
{
    [Theory]
    [InlineData("http://127.0.0.1:4000/organizations/v2.0", true)]
    [InlineData("http://localhost:4000/organizations/v2.0", true)]
    [InlineData("http://[::1]:4000/organizations/v2.0", true)]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0", false)]
    [InlineData("http://127.0.0.1.example.com/organizations/v2.0", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void Only_an_authority_on_this_machine_is_loopback(string? authority, bool loopback) =>
        Assert.Equal(loopback, PlatformAuthentication.IsLoopbackAuthority(authority));

    [Theory]
    [InlineData("http://127.0.0.1:4000/organizations/v2.0", "http://127.0.0.1:4000/{tenantid}/v2.0")]
    [InlineData("http://127.0.0.1:4000/common/v2.0/", "http://127.0.0.1:4000/{tenantid}/v2.0")]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0", "https://login.microsoftonline.com/{tenantid}/v2.0")]
    [InlineData("http://127.0.0.1:4000/tenant-school/v2.0", "http://127.0.0.1:4000/tenant-school/v2.0")]
    public void The_multi_tenant_issuer_template_puts_the_tenant_where_Entra_does(string authority, string template) =>
        Assert.Equal(template, PlatformAuthentication.MultiTenantIssuerTemplate(authority));
}

/// <summary>Issue 20: a problem never repeats a young person's ledger id from the path to whoever was refused.</summary>
public sealed class ProblemInstanceTests
{
    [Theory]
    [InlineData("/api/subjects/yc-123/competence", "/api/subjects/{subjectId}/competence")]
    [InlineData("/api/subjects/yc-123", "/api/subjects/{subjectId}")]
    [InlineData("/api/consents/c-1", "/api/consents/c-1")]
    [InlineData(null, null)]
    public void The_subject_id_in_the_path_is_left_out(string? instance, string? shown) =>
        Assert.Equal(shown, ConsentPlatform.Hosting.Problems.ProblemText.WithoutSubjectId(instance));
}
