namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>The purposes a practitioner may ask under: those of active DSAs in which their organisation is a recipient.</summary>
public static class Covering
{
    public sealed record Option(string Value, Dsa Dsa, DsaPurpose Purpose);

    public static async Task<(IReadOnlyList<Option> Options, ApiProblem? Problem)> PurposesAsync(PlatformApi api, string? org)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dsas = await api.GetAsync<List<Dsa>>($"/api/dsas?status=active&orgId={Uri.EscapeDataString(org ?? "")}");
        if (!dsas.Ok) return ([], dsas.Problem);
        var options = dsas.Value!
            .Where(d => d.PartyOf(org)?.CanReceive() == true)
            .SelectMany(d => d.Purposes.Select(p => new Option($"{d.Id}:{p.Code}", d, p)))
            .ToList();
        return (options, null);
    }
}
