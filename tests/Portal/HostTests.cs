namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// The portal builds its redirects from the host a request names (behind the gateway: the
/// X-Forwarded-Host the gateway sets). Only the hosts in <c>AllowedHosts</c> may be named, at the
/// gateway and at the portal itself; and local mode says on every page that anyone can sign in
/// as anyone. Plain HTTP, no browser: these are about headers and markup.
/// </summary>
public sealed class HostTests(PortalPlatform platform)
{
    /// <summary>A client that shows redirects instead of following them; requests name their own hosts.</summary>
    private static readonly HttpClient NoRedirects = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task Through_the_gateway_the_sign_in_redirect_points_at_the_gateway_address()
    {
        using var response = await SendAsync(platform.Url("/young-carer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(platform.Url("/sign-in"), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_at_the_gateway_is_400_problem_and_no_redirect_names_it()
    {
        using var response = await SendAsync(platform.Url("/young-carer"), host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_foreign_host_sent_to_the_portal_itself_is_400()
    {
        using var response = await SendAsync(PortalItself("/young-carer"), host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_foreign_forwarded_host_is_ignored_so_the_redirect_stays_on_a_known_host()
    {
        // As if a proxy on this machine (a trusted one) forwarded a request that named evil.example.
        using var response = await SendAsync(PortalItself("/young-carer"), forwardedHost: "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_says_on_the_page_that_anyone_can_sign_in_as_anyone()
    {
        var page = await NoRedirects.GetStringAsync(new Uri(platform.Url("/sign-in")), TestContext.Current.CancellationToken);

        Assert.Contains("govuk-phase-banner", page, StringComparison.Ordinal);
        Assert.Contains("Anyone can sign in here as anyone", page, StringComparison.Ordinal);
    }

    /// <summary>The address of <paramref name="path"/> at the portal itself, not through the gateway.</summary>
    private string PortalItself(string path) => new Uri(platform.Portal.BaseAddress, path).ToString();

    /// <summary>A GET of <paramref name="url"/>, naming <paramref name="host"/> and <paramref name="forwardedHost"/> when given.</summary>
    private static async Task<HttpResponseMessage> SendAsync(string url, string? host = null, string? forwardedHost = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        if (host is not null) request.Headers.Host = host;
        if (forwardedHost is not null) request.Headers.Add("X-Forwarded-Host", forwardedHost);
        return await NoRedirects.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
