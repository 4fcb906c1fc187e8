namespace ConsentPlatform.Portal.Api;

/// <summary>
/// Organisation codes to the names people know them by (issue 16: names, not codes, on every page).
/// The names come from where the platform keeps them, the parties of the data-sharing agreements;
/// a code no agreement names is shown as itself, never hidden and never guessed at.
/// </summary>
public sealed class OrganisationNames
{
    private readonly Dictionary<string, string> names = new(StringComparer.OrdinalIgnoreCase);

    public static OrganisationNames None { get; } = new();

    /// <summary>The names the agreements give their parties; the most recently changed agreement's name wins.</summary>
    public static OrganisationNames From(IEnumerable<Dsa> agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        var names = new OrganisationNames();
        foreach (var dsa in agreements.OrderByDescending(d => d.UpdatedAt))
        {
            foreach (var party in dsa.Parties) names.Add(party.OrgId, party.Name);
        }

        return names;
    }

    /// <summary>Staff read every agreement (they hold no personal data): one call, once per page.</summary>
    public static async Task<OrganisationNames> FromAgreementsAsync(PlatformApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dsas = await api.GetAsync<List<Dsa>>("/api/dsas");
        return dsas.Ok ? From(dsas.Value!) : None;
    }

    /// <summary>Adds a name unless the code already has one (the first source asked is trusted most).</summary>
    public OrganisationNames Add(string? orgId, string? name)
    {
        if (!string.IsNullOrWhiteSpace(orgId) && !string.IsNullOrWhiteSpace(name) && !ReferenceEquals(this, None)) names.TryAdd(orgId, name);
        return this;
    }

    /// <summary>The organisation's name, or its code when no name is known.</summary>
    public string Of(string? orgId) =>
        string.IsNullOrEmpty(orgId) ? "an organisation" : names.GetValueOrDefault(orgId, orgId);

    public bool Knows(string? orgId) => orgId is not null && names.ContainsKey(orgId);
}
