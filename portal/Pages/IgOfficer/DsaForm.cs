namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>
/// The draft/amend form: the DSA's content with one row per party and per purpose, each purpose
/// with a justification per kind of data (issue 17), the DPIA reference and the review date.
/// </summary>
public sealed class DsaForm
{
    // The form posts the API's wire names; the choices are the contracts' enums, spelled by ApiWireNames.
    public static readonly string[] PartyRoles = WireNames<DsaPartyRole>();

    public static readonly string[] Article6 = WireNames<Article6Basis>();

    public static readonly string[] Article9 = WireNames<Article9Condition>();

    /// <summary>A party role's wire name in the form's words.</summary>
    public static string RoleWords(string role) => ApiWireNames.Parse<DsaPartyRole>(role) switch
    {
        DsaPartyRole.Both => "Provides and receives",
        DsaPartyRole.Provider => "Provides",
        _ => "Receives",
    };

    private static string[] WireNames<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => ApiWireNames.Of(v))];

    public string? Title { get; set; }

    public DateInput EffectiveFrom { get; set; } = new();

    public DateInput EffectiveTo { get; set; } = new();

    public string? RetentionDays { get; set; }

    public List<PartyRow> Parties { get; set; } = [];

    public List<PurposeRow> Purposes { get; set; } = [];

    /// <summary>The data protection impact assessment's reference (optional, at most 100 characters).</summary>
    public string? DpiaReference { get; set; }

    /// <summary>When the parties review the agreement; empty means the registry's default, a year after it starts.</summary>
    public DateInput ReviewBy { get; set; } = new();

    /// <summary>The registry template a new draft starts from (sent as <c>templateId</c>); an amendment keeps the agreement's own.</summary>
    public string? TemplateId { get; set; }

    public static DsaForm Blank(DateTimeOffset today) => new()
    {
        EffectiveFrom = DateInput.Of(today),
        EffectiveTo = DateInput.Of(today.AddYears(1)),
        RetentionDays = "90",
        Parties = [new PartyRow { Role = ApiWireNames.Of(DsaPartyRole.Both) }, new PartyRow { Role = ApiWireNames.Of(DsaPartyRole.Both) }],
        Purposes = [new PurposeRow { Article6 = ApiWireNames.Of(Article6Basis.Consent), RequiresConsent = true }],
    };

    public static DsaForm From(Dsa dsa)
    {
        ArgumentNullException.ThrowIfNull(dsa);
        return new DsaForm
        {
            Title = dsa.Title,
            EffectiveFrom = DateInput.Of(dsa.EffectiveFrom),
            EffectiveTo = DateInput.Of(dsa.EffectiveTo),
            RetentionDays = dsa.RetentionDays.ToString(CultureInfo.InvariantCulture),
            Parties = [.. dsa.Parties.Select(p => new PartyRow { OrgId = p.OrgId, Name = p.Name, Role = ApiWireNames.Of(p.Role) })],
            Purposes = [.. dsa.Purposes.Select(PurposeRow.From)],
            DpiaReference = dsa.DpiaReference,
            ReviewBy = dsa.ReviewBy is { } review ? DateInput.Of(review) : new DateInput(),
            TemplateId = dsa.TemplateId,
        };
    }

    /// <summary>
    /// A new draft from a registry template (issue 17): its title, purposes with their
    /// justifications, and retention, all editable; one party row per kind of organisation that
    /// usually signs it, in its role, for the officer to name; the dates as for a blank draft.
    /// </summary>
    public static DsaForm FromTemplate(DsaTemplate template, DateTimeOffset today)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new DsaForm
        {
            Title = template.Title,
            EffectiveFrom = DateInput.Of(today),
            EffectiveTo = DateInput.Of(today.AddYears(1)),
            RetentionDays = template.RetentionDays.ToString(CultureInfo.InvariantCulture),
            Parties = [.. template.Parties.Select(p => new PartyRow { Role = ApiWireNames.Of(p.Role), Kind = p.Kind })],
            Purposes = [.. template.Purposes.Select(PurposeRow.From)],
            TemplateId = template.Id,
        };
    }
}

public sealed class PartyRow
{
    public string? OrgId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    /// <summary>From a template: the kind of organisation that usually takes this place (shown as a hint, never sent).</summary>
    public string? Kind { get; set; }
}

public sealed class PurposeRow
{
    public string? Code { get; set; }

    public string? Description { get; set; }

    /// <summary>Data categories, separated by commas or new lines.</summary>
    public string? Categories { get; set; }

    public string? Article6 { get; set; }

    public string? Article9 { get; set; }

    public bool RequiresConsent { get; set; }

    public bool AllowsSafeguardingOverride { get; set; }

    /// <summary>Issue 17: per kind of data, why it is necessary for this purpose and why less would not do.</summary>
    public Dictionary<string, string?> Justifications { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The kinds of data as entered (commas, spaces or new lines between them), each once.</summary>
    public IReadOnlyList<string> CategoryList => PortalPage.SplitList(Categories);

    public string? JustificationFor(string category) => Justifications.TryGetValue(category, out var why) ? why : null;

    public static PurposeRow From(DsaPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return new PurposeRow
        {
            Code = purpose.Code,
            Description = purpose.Description,
            Categories = string.Join(", ", purpose.DataCategories),
            Article6 = ApiWireNames.Of(purpose.LawfulBasis.Article6),
            Article9 = purpose.LawfulBasis.Article9 is { } article9 ? ApiWireNames.Of(article9) : null,
            RequiresConsent = purpose.RequiresConsent,
            AllowsSafeguardingOverride = purpose.AllowsSafeguardingOverride,
            Justifications = (purpose.Justifications ?? new Dictionary<string, string>())
                .ToDictionary(j => j.Key, j => (string?)j.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The registry's rule, for the form's words only: special category data (<c>health.*</c>) and
    /// family members' data (<c>cared-for.*</c>) need a justification. The registry decides.
    /// </summary>
    public static bool NeedsJustification(string category) =>
        category.StartsWith("health.", StringComparison.Ordinal) || category.StartsWith("cared-for.", StringComparison.Ordinal);
}

/// <summary>The API's field names (<c>purposes[0].lawfulBasis.article6</c>) as the form's (<c>Input.Purposes[0].Article6</c>).</summary>
public static partial class DsaFields
{
    public static string? FormField(string apiField)
    {
        var m = Indexed().Match(apiField);
        if (m.Success)
        {
            var list = m.Groups["list"].Value;
            var index = m.Groups["index"].Value;
            var field = m.Groups["field"].Value;
            return (list, field) switch
            {
                ("parties", "orgId") => $"Input.Parties[{index}].OrgId",
                ("parties", "name") => $"Input.Parties[{index}].Name",
                ("parties", "role") => $"Input.Parties[{index}].Role",
                ("purposes", "code") => $"Input.Purposes[{index}].Code",
                ("purposes", "description") => $"Input.Purposes[{index}].Description",
                ("purposes", var f) when f.StartsWith("dataCategories", StringComparison.Ordinal) => $"Input.Purposes[{index}].Categories",
                ("purposes", "lawfulBasis.article6") => $"Input.Purposes[{index}].Article6",
                ("purposes", "lawfulBasis.article9") => $"Input.Purposes[{index}].Article9",
                ("purposes", "requiresConsent") => $"Input.Purposes[{index}].Article6",
                ("purposes", var f) when Justification().Match(f) is { Success: true } j => JustificationField(int.Parse(index, CultureInfo.InvariantCulture), j.Groups["category"].Value),
                _ => null,
            };
        }

        return apiField switch
        {
            "title" => "Input.Title",
            "effectiveFrom" => "Input.EffectiveFrom.Day",
            "effectiveTo" => "Input.EffectiveTo.Day",
            "retentionDays" => "Input.RetentionDays",
            "dpiaReference" => "Input.DpiaReference",
            "reviewBy" => "Input.ReviewBy.Day",
            _ => null,
        };
    }

    /// <summary>The form's field for purpose <paramref name="index"/>'s justification of <paramref name="category"/> (the API's <c>purposes[0].justifications[health.mental]</c>).</summary>
    public static string JustificationField(int index, string category) => $"Input.Purposes[{index}].Justifications[{category}]";

    [GeneratedRegex(@"^(?<list>parties|purposes)\[(?<index>\d+)\]\.(?<field>.+)$")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"^justifications\[(?<category>[a-z0-9.-]{1,64})\]$")]
    private static partial Regex Justification();
}
