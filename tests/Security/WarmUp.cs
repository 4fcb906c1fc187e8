namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Right after start, the first live checks can miss the disclosure service's 2 s deadline while
/// the consent and DSA services compile their first queries: the share is then (rightly) denied
/// <c>check-unavailable</c>. Set-ups that need an approved share wait here, once per platform,
/// until a share is decided on real answers.
/// </summary>
internal static class WarmUp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<PlatformProcesses> Warmed = [];

    /// <summary>Once for the suite's platform, with dev tokens.</summary>
    public static Task SharesAreDecidedAsync(PlatformProcesses platform) => SharesAreDecidedAsync(
        platform,
        () => new Scenario(platform).ActiveDsaAsync(),
        () => platform.ClientAsAsync(PlatformRoles.Practitioner, org: Scenario.School, name: "warm-up"));

    /// <summary>Once per platform (the suite's, or the production one), as the world's own people.</summary>
    public static Task SharesAreDecidedAsync(SecurityWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return SharesAreDecidedAsync(
            world.Platform,
            () => world.FreshDsaAsync(DsaState.Active),
            () => world.ClientAsync(PlatformRoles.Practitioner, Scenario.School, name: "warm-up"));
    }

    private static async Task SharesAreDecidedAsync(PlatformProcesses platform, Func<Task> activeDsa, Func<Task<HttpClient>> schoolPractitioner)
    {
        await Gate.WaitAsync();
        try
        {
            if (Warmed.Contains(platform)) return;
            var subject = Scenario.NewSubject();
            await activeDsa();
            using var school = await schoolPractitioner();
            // The school records the young carer's consent to school support, naming no one.
            await (await school.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" })).ExpectJsonAsync(HttpStatusCode.Created);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var last = "";
            while (DateTime.UtcNow < deadline)
            {
                var decided = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
                last = decided.ToString();
                if (decided.GetProperty("status").GetString() == "approved")
                {
                    Warmed.Add(platform);
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
