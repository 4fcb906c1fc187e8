using System.Net;
using System.Text.Json;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.TestSupport.Processes;

namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Right after start, the first live checks can miss the disclosure service's 2 s deadline while
/// the consent and DSA services compile their first queries: the share is then (rightly) denied
/// <c>check-unavailable</c>. Set-ups that need an approved share wait here, once for the suite,
/// until a share is decided on real answers.
/// </summary>
internal static class WarmUp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool done;

    public static async Task SharesAreDecidedAsync(PlatformProcesses platform)
    {
        await Gate.WaitAsync();
        try
        {
            if (done) return;
            var scenario = new Scenario(platform);
            var subject = Scenario.NewSubject();
            await scenario.ActiveDsaAsync();
            await scenario.ConsentAsync(subject);
            using var school = await platform.ClientAsAsync(PlatformRoles.Practitioner, org: Scenario.School, name: "warm-up");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var last = "";
            while (DateTime.UtcNow < deadline)
            {
                var decided = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
                last = decided.ToString();
                if (decided.GetProperty("status").GetString() == "approved")
                {
                    done = true;
                    return;
                }

                await Task.Delay(500);
            }

            throw new TimeoutException($"no share was approved in 60 s after start: {last}");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A share request's 201 body, asked again (up to 5 times) while a live check misses its deadline
    /// on a busy machine: that denial (<c>check-unavailable</c>) is right, but not what a set-up wants.
    /// </summary>
    public static async Task<JsonElement> DecidedAsync(Func<Task<HttpResponseMessage>> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await (await request()).ExpectJsonAsync(HttpStatusCode.Created);
        for (var attempt = 1; attempt < 5 && body.ToString().Contains("check-unavailable", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(500);
            body = await (await request()).ExpectJsonAsync(HttpStatusCode.Created);
        }

        return body;
    }
}
