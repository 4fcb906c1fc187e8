namespace ConsentPlatform.TestSupport.Hosts;

/// <summary>
/// The local issuer the tests sign with: one key file per test process, given to every host
/// the process starts, exactly as <c>infra/up</c> gives one to the gateway and the services.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://localhost:8080";

    public static string KeyFile { get; } = Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"issuer-{Environment.ProcessId}.json");

    public static LocalIssuer LocalIssuer { get; } = Hosting.Authentication.LocalIssuer.LoadOrCreate(Issuer, KeyFile);

    public static string For(string role, string? org = null, string? subjectId = null, string? name = null) =>
        LocalIssuer.CreateToken(role, name ?? $"test-{role.ToLowerInvariant()}", org, subjectId);

    public static HttpClient Authorize(this HttpClient client, string role, string? org = null, string? subjectId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(role, org, subjectId, name));
        return client;
    }
}
