namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The index keys of an entry, read from its data by field name so that any event is indexed alike:
/// the subject, every organisation it involves (the actor's, requester, holder, consent recipients,
/// DSA parties, the override approver's, an onboarded tenant's), every purpose it names, and the consent, DSA and
/// disclosure it belongs to.
/// </summary>
public static class EntryKeys
{
    public static string Subject(string subjectId) => $"subject:{subjectId}";
    public static string Org(string orgId) => $"org:{orgId}";
    public static string Purpose(string purpose) => $"purpose:{purpose}";
    public static string Disclosure(Guid id) => $"disclosure:{id:D}";
    public static string Consent(Guid id) => $"consent:{id:D}";
    public static string Dsa(Guid id) => $"dsa:{id:D}";

    /// <summary>An entry that carries a DSA's whole content (drafted, amended).</summary>
    public static string DsaContent(Guid id) => $"dsa-content:{id:D}";

    public static ISet<string> Of(string? subjectId, JsonElement data)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(subjectId)) keys.Add(Subject(subjectId));
        if (data.ValueKind != JsonValueKind.Object) return keys;

        AddString(keys, data, "subjectId", Subject);
        AddString(keys, data, "purpose", Purpose);
        AddString(keys, data, "requesterOrgId", Org);
        AddString(keys, data, "holderOrgId", Org);
        AddStrings(keys, data, "recipientOrgIds", Org);
        if (data.TryGetProperty("actor", out var actor)) AddString(keys, actor, "orgId", Org);
        if (data.TryGetProperty("approval", out var approval)) AddString(keys, approval, "approvedByOrgId", Org);
        if (data.TryGetProperty("content", out var content)) AddContent(keys, content);
        // An onboarded tenant's organisations (issue 18): an auditor finds who may act for an organisation.
        if (data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object) AddStrings(keys, tenant, "orgIds", Org);
        AddId(keys, data, "consentId", Consent);
        AddId(keys, data, "disclosureId", Disclosure);
        if (TryGetId(data, "dsaId", out var dsaId))
        {
            keys.Add(Dsa(dsaId));
            if (data.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object) keys.Add(DsaContent(dsaId));
        }

        return keys;
    }

    /// <summary>The organisation and purpose keys of a DSA's content: what a lifecycle event (activated, suspended…) inherits.</summary>
    public static void AddContent(ISet<string> keys, JsonElement content)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (content.ValueKind != JsonValueKind.Object) return;
        if (content.TryGetProperty("parties", out var parties) && parties.ValueKind == JsonValueKind.Array)
        {
            foreach (var party in parties.EnumerateArray()) AddString(keys, party, "orgId", Org);
        }

        if (content.TryGetProperty("purposes", out var purposes) && purposes.ValueKind == JsonValueKind.Array)
        {
            foreach (var purpose in purposes.EnumerateArray()) AddString(keys, purpose, "code", Purpose);
        }
    }

    public static bool TryGetId(JsonElement data, string name, out Guid id)
    {
        id = Guid.Empty;
        return data.ValueKind == JsonValueKind.Object
               && data.TryGetProperty(name, out var value)
               && value.ValueKind == JsonValueKind.String
               && Guid.TryParse(value.GetString(), out id);
    }

    private static void AddId(ISet<string> keys, JsonElement data, string name, Func<Guid, string> key)
    {
        if (TryGetId(data, name, out var id)) keys.Add(key(id));
    }

    private static void AddString(ISet<string> keys, JsonElement data, string name, Func<string, string> key)
    {
        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text)
        {
            keys.Add(key(text));
        }
    }

    private static void AddStrings(ISet<string> keys, JsonElement data, string name, Func<string, string> key)
    {
        if (!data.TryGetProperty(name, out var values) || values.ValueKind != JsonValueKind.Array) return;
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) keys.Add(key(text));
        }
    }
}
