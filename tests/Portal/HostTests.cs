namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// The portal builds its redirects from the host a request names (behind the gateway: the
/// X-Forwarded-Host the gateway sets). Only the hosts in <c>AllowedHosts</c> may be named, at the
/// gateway and at the portal itself; and local mode says on every page that anyone can sign in
/// as anyone. Plain HTTP, no browser: these are about headers and markup.
/// </summary>
public sealed class HostTests(PortalPlatform platform)
{
    [Fact]
    public async Task Through_the_gateway_the_sign_in_redirect_points_at_the_gateway_address()
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(new Uri(platform.Url("/young-carer")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(platform.Url("/sign-in"), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_at_the_gateway_is_400_problem_and_no_redirect_names_it()
    {
        using var client = NoRedirects();

        using var response = await SendAsync(client, platform.Url("/young-carer"), host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_foreign_host_sent_to_the_portal_itself_is_400()
    {
        using var client = NoRedirects();

        using var response = await SendAsync(client, new Uri(platform.Portal.BaseAddress, "/young-carer").ToString(), host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_foreign_forwarded_host_is_ignored_so_the_redirect_stays_on_a_known_host()
    {
        using var client = NoRedirects();

        // As if a proxy on this machine (a trusted one) forwarded a request that named evil.example.
        using var response = await SendAsync(client, new Uri(platform.Portal.BaseAddress, "/young-carer").ToString(), forwardedHost: "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_says_on_the_page_that_anyone_can_sign_in_as_anyone()
    {
        using var client = NoRedirects();

        var page = await client.GetStringAsync(new Uri(platform.Url("/sign-in")), TestContext.Current.CancellationToken);

        Assert.Contains("govuk-phase-banner", page, StringComparison.Ordinal);
        Assert.Contains("Anyone can sign in here as anyone", page, StringComparison.Ordinal);
    }

    private static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? host = null, string? forwardedHost = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        if (host is not null) request.Headers.Host = host;
        if (forwardedHost is not null) request.Headers.Add("X-Forwarded-Host", forwardedHost);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
