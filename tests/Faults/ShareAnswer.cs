namespace ConsentPlatform.Faults.Tests;

/// <summary>What a share request answered: the HTTP status, the share's status and its reason codes.</summary>
internal sealed record ShareAnswer(HttpStatusCode Status, string? ShareStatus, IReadOnlyList<string> ReasonCodes, string? Id)
{
    public static async Task<ShareAnswer> FromAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        if (!body.TryGetProperty("decision", out var decision))
        {
            return new ShareAnswer(response.StatusCode, null, [], null);
        }

        var codes = decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        return new ShareAnswer(response.StatusCode, body.GetProperty("status").GetString(), codes, body.GetProperty("id").GetString());
    }
}
