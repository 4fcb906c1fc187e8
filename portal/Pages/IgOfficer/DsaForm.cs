using System.Globalization;
using System.Text.RegularExpressions;
using ConsentPlatform.Portal.Api;

namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>The draft/amend form: the DSA's content with one row per party and per purpose.</summary>
public sealed class DsaForm
{
    public static readonly string[] PartyRoles = ["provider", "recipient", "both"];

    public static readonly string[] Article6 = ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"];

    public static readonly string[] Article9 =
    [
        "explicit-consent", "employment-social-security", "vital-interests", "not-for-profit-bodies", "made-public-by-data-subject",
        "legal-claims", "substantial-public-interest", "health-or-social-care", "public-health", "archiving-research-statistics",
    ];

    public string? Title { get; set; }

    public DateInput EffectiveFrom { get; set; } = new();

    public DateInput EffectiveTo { get; set; } = new();

    public string? RetentionDays { get; set; }

    public List<PartyRow> Parties { get; set; } = [];

    public List<PurposeRow> Purposes { get; set; } = [];

    public static DsaForm Blank(DateTimeOffset today) => new()
    {
        EffectiveFrom = DateInput.Of(today),
        EffectiveTo = DateInput.Of(today.AddYears(1)),
        RetentionDays = "90",
        Parties = [new PartyRow { Role = "both" }, new PartyRow { Role = "both" }],
        Purposes = [new PurposeRow { Article6 = "consent", RequiresConsent = true }],
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
            Parties = [.. dsa.Parties.Select(p => new PartyRow { OrgId = p.OrgId, Name = p.Name, Role = p.Role })],
            Purposes =
            [
                .. dsa.Purposes.Select(p => new PurposeRow
                {
                    Code = p.Code,
                    Description = p.Description,
                    Categories = string.Join(", ", p.DataCategories),
                    Article6 = p.LawfulBasis.Article6,
                    Article9 = p.LawfulBasis.Article9,
                    RequiresConsent = p.RequiresConsent,
                    AllowsSafeguardingOverride = p.AllowsSafeguardingOverride,
                }),
            ],
        };
    }
}

public sealed class PartyRow
{
    public string? OrgId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }
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
                _ => null,
            };
        }

        return apiField switch
        {
            "title" => "Input.Title",
            "effectiveFrom" => "Input.EffectiveFrom.Day",
            "effectiveTo" => "Input.EffectiveTo.Day",
            "retentionDays" => "Input.RetentionDays",
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<list>parties|purposes)\[(?<index>\d+)\]\.(?<field>.+)$")]
    private static partial Regex Indexed();
}
