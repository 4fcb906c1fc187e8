namespace ConsentPlatform.TestSupport.Processes;

public static class WarmUp
{
    /// <summary>
    /// Sends throw-away share requests until one is decided on real check answers (not
    /// <c>check-unavailable</c>): the first live check of a freshly started process pays for JIT
    /// and connection pools, and on a busy machine that can exceed the 2 s check timeout. A load
    /// balancer warms a new instance the same way before sending it users.
    /// </summary>
    public static async Task WarmUpAsync(this PlatformProcesses platform, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var practitioner = await platform.WarmUpClientAsync();
        var deadline = DateTime.UtcNow + timeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var response = await practitioner.PostAsJsonAsync(new Uri("/api/disclosures", UriKind.Relative), new
            {
                subjectId = "warm-up",
                purpose = "warm-up",
                holderOrgId = "WARM-UP-HOLDER",
                dataCategories = new[] { "identity.basic" },
                basis = "consent",
            });
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && !last.Contains("check-unavailable", StringComparison.Ordinal)) return;
            await Task.Delay(500);
        }

        throw new TimeoutException($"the live checks never answered in time: {last}");
    }
}
