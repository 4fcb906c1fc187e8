namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// The body of <c>POST /api/dsas</c> and <c>PUT /api/dsas/{id}</c>. Every field is optional and
/// the enumerations are plain strings here, so that <see cref="DsaTermsValidation"/> can name
/// every wrong field in one 400 rather than the first the JSON reader trips on.
/// </summary>
public sealed record DsaTerms(
    string? Title,
    IReadOnlyList<PartyTerms?>? Parties,
    IReadOnlyList<PurposeTerms?>? Purposes,
    DateTimeOffset? EffectiveFrom,
    DateTimeOffset? EffectiveTo,
    int? RetentionDays,
    string? DpiaReference = null,
    DateTimeOffset? ReviewBy = null,
    string? TemplateId = null)
{
    /// <summary>The typed content; call only when <see cref="DsaTermsValidation.Validate"/> found nothing.</summary>
    public DsaContent ToContent() => new(
        Title!.Trim(),
        [.. Parties!.Select(p => new DsaParty(p!.OrgId!, p.Name!.Trim(), WireNames.Parse<DsaPartyRole>(p.Role)!.Value))],
        [.. Purposes!.Select(p => new DsaPurpose(
            p!.Code!,
            p.Description!.Trim(),
            [.. p.DataCategories!.Select(c => c!)],
            new LawfulBasis(WireNames.Parse<Article6Basis>(p.LawfulBasis!.Article6)!.Value, WireNames.Parse<Article9Condition>(p.LawfulBasis.Article9)),
            p.RequiresConsent,
            p.AllowsSafeguardingOverride,
            JustificationsOf(p.Justifications)))],
        EffectiveFrom!.Value,
        EffectiveTo!.Value,
        RetentionDays!.Value,
        string.IsNullOrWhiteSpace(DpiaReference) ? null : DpiaReference.Trim(),
        // Issue 17: reviewed within a year of taking effect unless the parties chose a date.
        ReviewBy ?? EffectiveFrom!.Value.AddYears(1),
        TemplateId);

    /// <summary>The justifications as stored: trimmed, blank ones left out, none at all as null.</summary>
    private static IReadOnlyDictionary<string, string>? JustificationsOf(IReadOnlyDictionary<string, string?>? given)
    {
        var kept = (given ?? new Dictionary<string, string?>())
            .Where(j => !string.IsNullOrWhiteSpace(j.Value))
            .ToDictionary(j => j.Key, j => j.Value!.Trim(), StringComparer.Ordinal);
        return kept.Count == 0 ? null : kept;
    }

    /// <summary>The terms a stored content was made from, to judge it again by the same rules.</summary>
    public static DsaTerms From(DsaContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new DsaTerms(
            content.Title,
            [.. content.Parties.Select(p => new PartyTerms(p.OrgId, p.Name, WireNames.Of(p.Role)))],
            [.. content.Purposes.Select(p => new PurposeTerms(
                p.Code,
                p.Description,
                [.. p.DataCategories],
                new LawfulBasisTerms(WireNames.Of(p.LawfulBasis.Article6), p.LawfulBasis.Article9 is { } a9 ? WireNames.Of(a9) : null),
                p.RequiresConsent,
                p.AllowsSafeguardingOverride,
                p.Justifications?.ToDictionary(j => j.Key, j => (string?)j.Value, StringComparer.Ordinal)))],
            content.EffectiveFrom,
            content.EffectiveTo,
            content.RetentionDays,
            content.DpiaReference,
            content.ReviewBy,
            content.TemplateId);
    }
}

public sealed record PartyTerms(string? OrgId, string? Name, string? Role);

public sealed record PurposeTerms(
    string? Code,
    string? Description,
    IReadOnlyList<string?>? DataCategories,
    LawfulBasisTerms? LawfulBasis,
    bool RequiresConsent,
    bool AllowsSafeguardingOverride,
    IReadOnlyDictionary<string, string?>? Justifications = null);

public sealed record LawfulBasisTerms(string? Article6, string? Article9);

/// <summary>Enumeration values as they travel on the wire: kebab case, exactly as the platform's JSON writes them.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(Of)];

    /// <summary>The value named exactly <paramref name="wire"/>, or null.</summary>
    public static TEnum? Parse<TEnum>(string? wire) where TEnum : struct, Enum =>
        wire is null ? null : Enum.GetValues<TEnum>().Where(v => string.Equals(Of(v), wire, StringComparison.Ordinal)).Select(v => (TEnum?)v).FirstOrDefault();
}
