namespace ConsentPlatform.TestSupport.Processes;

/// <summary>
/// Issue 17: a DSA becomes active (or is reinstated) only when an IG officer of every party has
/// signed its current terms; the last signature activates it. The suites' one way to do that through
/// the gateway, as each party's officer would.
/// </summary>
public static class DsaSignOff
{
    /// <summary>The organisation <c>officerOf</c> is first asked for: an IG officer who only reads the DSA's terms.</summary>
    public const string Reader = "SIGN-OFF-READER";

    /// <summary>Every party's IG officer signs the DSA's current terms; returns the DSA after the last signature (active, or reinstated).</summary>
    public static Task<JsonElement> SignByEveryPartyAsync(this PlatformProcesses platform, string dsaId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return SignByEveryPartyAsync(org => platform.ClientAsAsync("IgOfficer", org: org, name: $"ig-{org.ToLowerInvariant()}"), dsaId);
    }

    /// <summary>The same with clients of any host: <paramref name="officerOf"/> gives an IG officer of an organisation.</summary>
    public static async Task<JsonElement> SignByEveryPartyAsync(Func<string, Task<HttpClient>> officerOf, string dsaId)
    {
        ArgumentNullException.ThrowIfNull(officerOf);
        JsonElement dsa;
        using (var reader = await officerOf(Reader))
        {
            dsa = await (await reader.GetAsync(new Uri($"/api/dsas/{dsaId}", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var version = dsa.GetProperty("termsVersion").GetInt64();
        foreach (var party in dsa.GetProperty("awaitingSignatureFrom").EnumerateArray().Select(p => p.GetProperty("orgId").GetString()!).ToList())
        {
            using var officer = await officerOf(party);
            dsa = await (await officer.PostJsonAsync($"/api/dsas/{dsaId}/sign", new { version })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        return dsa;
    }
}
