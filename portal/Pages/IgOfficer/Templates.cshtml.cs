namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>
/// The registry's ready agreements for young carers' sharing (issue 17, <c>GET /api/dsas/templates</c>):
/// each with its summary, who usually signs it, what it shares and the legislation its lawful basis
/// is written from, and a link to a draft filled in from it.
/// </summary>
public sealed class TemplatesModel : PortalPage
{
    public IReadOnlyList<DsaTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var templates = await Api.GetAsync<List<DsaTemplate>>("/api/dsas/templates");
        if (!templates.Ok) ShowProblem(templates.Problem!);
        else Templates = templates.Value!;
    }

    public static string RoleWords(DsaPartyRole role) => role switch
    {
        DsaPartyRole.Provider => "provides the information",
        DsaPartyRole.Recipient => "receives it",
        _ => "provides and receives",
    };
}
