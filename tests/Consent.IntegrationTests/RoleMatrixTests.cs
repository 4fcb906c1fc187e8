using System.Net;
using ConsentPlatform.Consent.IntegrationTests.Support;
using ConsentPlatform.Hosting.Authentication;
using Xunit;
using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Who may do what, route by route, enforced in the service from the token. "YoungCarer" acts on
/// their own subject, "OtherYoungCarer" on someone else's; "Anonymous" sends no token.
/// </summary>
public sealed class RoleMatrixTests(ConsentApi api)
{
    private const string Own = "YoungCarer";
    private const string Other = "OtherYoungCarer";
    private const string Anonymous = "Anonymous";

    private static readonly string[] Routes = ["grant", "get", "list", "history", "pause", "resume", "withdraw"];

    private static readonly Dictionary<string, int[]> Expected = new()
    {
        // grant get list history pause resume withdraw
        [Own] = [201, 200, 200, 200, 200, 200, 200],
        [Other] = [403, 404, 403, 404, 404, 404, 404],
        [PlatformRoles.Practitioner] = [201, 200, 200, 200, 200, 403, 200],
        [PlatformRoles.Auditor] = [403, 200, 200, 200, 403, 403, 403],
        [PlatformRoles.IgOfficer] = [403, 403, 403, 403, 403, 403, 403],
        [PlatformRoles.SafeguardingLead] = [403, 403, 403, 403, 403, 403, 403],
        [Anonymous] = [401, 401, 401, 401, 401, 401, 401],
    };

    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, statuses) in Expected)
        {
            for (var i = 0; i < Routes.Length; i++) data.Add(caller, Routes[i], statuses[i]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Caller_on_route_gets_the_expected_status(string caller, string route, int expected)
    {
        var subject = NewSubject();
        using var owner = api.YoungCarer(subject);
        // Every route but grant acts on an existing consent of the subject; resume needs it paused.
        var consent = route == "grant" ? null : await owner.GrantedAsync(GrantBody(subject));
        if (route == "resume") (await owner.ActAsync(consent!.Id, "pause")).Dispose();

        using var client = caller switch
        {
            Own => api.YoungCarer(subject),
            Other => api.YoungCarer(NewSubject()),
            PlatformRoles.Practitioner => api.Practitioner(),
            Anonymous => api.Host.CreateClient(),
            _ => api.ClientFor(caller, org: "la-1"),
        };
        var reason = new { reason = "on the young person's behalf" };

        using var response = route switch
        {
            "grant" => await client.GrantAsync(GrantBody(subject)),
            "get" => await client.ReadAsync($"/api/consents/{consent!.Id}"),
            "list" => await client.ReadAsync($"/api/consents?subjectId={subject}"),
            "history" => await client.ReadAsync($"/api/consents/{consent!.Id}/history"),
            "resume" => await client.ActAsync(consent!.Id, route),
            _ => await client.ActAsync(consent!.Id, route, reason),
        };

        Assert.Equal((HttpStatusCode)expected, response.StatusCode);
        if (expected >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
