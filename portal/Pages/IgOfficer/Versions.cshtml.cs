namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>Two versions of a DSA side by side (by default the one before the latest and the latest), differences marked.</summary>
public sealed class VersionsModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Left { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Right { get; set; }

    public IReadOnlyList<DsaVersion> Versions { get; private set; } = [];

    public DsaVersion? LeftVersion { get; private set; }

    public DsaVersion? RightVersion { get; private set; }

    public IReadOnlyList<(string Label, string Left, string Right)> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var history = await Api.GetAsync<List<DsaVersion>>($"/api/dsas/{Id}/history");
        if (!history.Ok)
        {
            ShowProblem(history.Problem!);
            return;
        }

        Versions = history.Value!;
        if (Versions.Count == 0) return;
        RightVersion = Versions.FirstOrDefault(v => v.Version == Right) ?? Versions[^1];
        LeftVersion = Versions.FirstOrDefault(v => v.Version == Left) ?? Versions[Math.Max(0, Versions.Count - 2)];
        Left = LeftVersion.Version;
        Right = RightVersion.Version;
        Rows = Compare(LeftVersion.Dsa, RightVersion.Dsa);
    }

    private static List<(string, string, string)> Compare(Dsa left, Dsa right)
    {
        var rows = new List<(string, string, string)>
        {
            ("Title", left.Title, right.Title),
            ("Status", Govuk.Words.Status(left.Status), Govuk.Words.Status(right.Status)),
            ("Valid from", Govuk.Words.Day(left.EffectiveFrom), Govuk.Words.Day(right.EffectiveFrom)),
            ("Valid to", Govuk.Words.Day(left.EffectiveTo), Govuk.Words.Day(right.EffectiveTo)),
            ("Retention (days)", left.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), right.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Parties", Parties(left), Parties(right)),
            ("Review by", Govuk.Words.Day(left.ReviewBy), Govuk.Words.Day(right.ReviewBy)),
            ("DPIA reference", left.DpiaReference ?? "—", right.DpiaReference ?? "—"),
        };
        foreach (var code in left.Purposes.Select(p => p.Code).Union(right.Purposes.Select(p => p.Code)))
        {
            rows.Add(($"Purpose {code}", Purpose(left, code), Purpose(right, code)));
        }

        return rows;
    }

    private static string Parties(Dsa dsa) => string.Join("; ", dsa.Parties.Select(p => $"{p.Name} ({p.OrgId}, {ApiWireNames.Of(p.Role)})"));

    private static string Purpose(Dsa dsa, string code) =>
        dsa.Purposes.FirstOrDefault(p => p.Code == code) is { } p
            ? $"{p.Description} Data: {string.Join(", ", p.DataCategories)}. Basis: {ApiWireNames.Of(p.LawfulBasis.Article6)}{(p.LawfulBasis.Article9 is { } a9 ? " / " + ApiWireNames.Of(a9) : "")}. Consent {(p.RequiresConsent ? "needed" : "not needed")}; override {(p.AllowsSafeguardingOverride ? "allowed" : "not allowed")}.{Justifications(p)}"
            : "(not in this version)";

    private static string Justifications(DsaPurpose p) =>
        string.Concat(p.DataCategories.Select(c => p.JustificationFor(c) is { } why ? $" Why {c}: {why}" : ""));
}
