namespace ConsentPlatform.Portal.Api;

/// <summary>
/// One request about the young carer, from <c>GET /api/me/disclosures</c> (the audit service's
/// transparency view): who asked, why, what, the decision, when it was shared and read, under
/// which agreement, and whether a safeguarding override was used.
/// </summary>
public sealed record TransparencyItem(
    string? DisclosureId,
    string? RequesterOrg,
    string? HolderOrg,
    string? Purpose,
    string? PurposeDescription,
    IReadOnlyList<string> Categories,
    string? Outcome,
    IReadOnlyList<ShareReason> Reasons,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<DateTimeOffset> Reads,
    IReadOnlyList<DateTimeOffset> RefusedReads,
    string? DsaTitle,
    bool Override,
    string? OverrideApprovedByOrg,
    string? RequesterName = null,
    string? HolderName = null,
    string? OverrideApprovedByName = null,
    DateTimeOffset? BlockedAt = null,
    DateTimeOffset? DestroyedAt = null,
    DateTimeOffset? DeletionAskedAt = null,
    string? DeletionOutcome = null,
    string? DeletionReason = null,
    DateTimeOffset? DeletionAnsweredAt = null)
{
    /// <summary>Who asked, by name when the agreement names them, else by code.</summary>
    public string? Requester => RequesterName ?? RequesterOrg;

    public string? Holder => HolderName ?? HolderOrg;

    public string? OverrideApprovedBy => OverrideApprovedByName ?? OverrideApprovedByOrg;
}

/// <summary>Reads the transparency view leniently: the portal shows what is there, and misses nothing it can name.</summary>
public static class Transparency
{
    public static IReadOnlyList<TransparencyItem> Items(JsonElement root)
    {
        var array = root.ValueKind == JsonValueKind.Array ? root
            : First(root, "disclosures", "items", "requests") is { ValueKind: JsonValueKind.Array } a ? a
            : default;
        if (array.ValueKind != JsonValueKind.Array) return [];
        return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(Read)];
    }

    private static TransparencyItem Read(JsonElement e)
    {
        var purpose = First(e, "purpose");
        var purposeCode = purpose is { ValueKind: JsonValueKind.Object } p ? Text(p, "code") : Text(e, "purpose", "purposeCode");
        var purposeWords = purpose is { ValueKind: JsonValueKind.Object } p2 ? Text(p2, "description") : Text(e, "purposeDescription", "description");
        var decision = First(e, "decision");
        var outcome = Text(e, "status", "outcome") ?? (decision is { } d ? Text(d, "outcome") : null);
        var reasons = First(e, "reasons") ?? (decision is { } d2 ? First(d2, "reasons") : null);
        var overrideElement = First(e, "safeguardingOverride", "override", "overrideApproval");
        var overrideUsed = overrideElement is { ValueKind: JsonValueKind.Object or JsonValueKind.True }
                           || string.Equals(Text(e, "basis"), "safeguarding", StringComparison.Ordinal);
        var dsa = First(e, "dsa");
        var deletion = First(e, "deletion");
        return new TransparencyItem(
            Text(e, "disclosureId", "id"),
            Text(e, "requestedByOrgId", "requesterOrgId", "requesterOrg", "requester", "whoAsked"),
            Text(e, "holderOrgId", "holderOrg", "holder"),
            purposeCode,
            purposeWords,
            Strings(First(e, "dataCategories", "categories")),
            outcome,
            Reasons(reasons),
            Time(e, "requestedAt", "askedAt", "occurredAt"),
            Time(e, "releasedAt", "sharedAt"),
            Times(First(e, "reads", "readAt", "packageReads")),
            Times(First(e, "refusedReads", "readsRefused")),
            dsa is { ValueKind: JsonValueKind.Object } ds ? Text(ds, "title") : Text(e, "dsaTitle"),
            overrideUsed,
            overrideElement is { ValueKind: JsonValueKind.Object } o ? Text(o, "approvedByOrgId", "approvedByOrg", "approverOrgId", "org") : null,
            Text(e, "requestedByName"),
            Text(e, "holderName"),
            overrideElement is { ValueKind: JsonValueKind.Object } o2 ? Text(o2, "approvedByName") : null,
            Time(e, "blockedAt"),
            Time(e, "destroyedAt"),
            deletion is { ValueKind: JsonValueKind.Object } d3 ? Time(d3, "askedAt") : null,
            deletion is { ValueKind: JsonValueKind.Object } d4 ? Text(d4, "outcome") : null,
            deletion is { ValueKind: JsonValueKind.Object } d5 ? Text(d5, "reason") : null,
            deletion is { ValueKind: JsonValueKind.Object } d6 ? Time(d6, "answeredAt") : null);
    }

    private static JsonElement? First(JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in names)
        {
            if (e.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) return value;
        }

        return null;
    }

    private static string? Text(JsonElement e, params string[] names)
    {
        var value = First(e, names);
        return value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number => value.Value.ToString(),
            JsonValueKind.Object => Text(value.Value, "orgId", "code", "name", "id"),
            _ => null,
        };
    }

    private static DateTimeOffset? Time(JsonElement e, params string[] names) =>
        Text(e, names) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static List<string> Strings(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString())] : [];

    private static List<ShareReason> Reasons(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a
            ? [.. a.EnumerateArray()
                .Select(x => (Code: ApiWireNames.Parse<ReasonCode>(x.ValueKind == JsonValueKind.String ? x.GetString() : Text(x, "code")), Message: Text(x, "message")))
                .Where(r => r.Code is not null)
                .Select(r => new ShareReason(r.Code!.Value, r.Message ?? ""))]
            : [];

    private static List<DateTimeOffset> Times(JsonElement? e)
    {
        if (e is not { ValueKind: JsonValueKind.Array } a) return [];
        var times = new List<DateTimeOffset>();
        foreach (var x in a.EnumerateArray())
        {
            var s = x.ValueKind == JsonValueKind.String ? x.GetString() : Text(x, "readAt", "at", "occurredAt");
            if (s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) times.Add(t);
        }

        return times;
    }
}
