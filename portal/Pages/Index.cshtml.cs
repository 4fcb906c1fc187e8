namespace ConsentPlatform.Portal.Pages;

/// <summary>The start page: each person goes straight to the pages for their role.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.FindFirstValue(PlatformClaims.Roles) switch
    {
        PlatformRoles.YoungCarer => LocalRedirect("/young-carer"),
        PlatformRoles.Practitioner => LocalRedirect("/practitioner"),
        PlatformRoles.IgOfficer => LocalRedirect("/ig-officer"),
        PlatformRoles.SafeguardingLead => LocalRedirect("/safeguarding"),
        PlatformRoles.Auditor => LocalRedirect("/auditor"),
        PlatformRoles.CaldicottGuardian => LocalRedirect("/guardian"),
        PlatformRoles.PlatformAdministrator => LocalRedirect("/admin/tenants"),
        PlatformRoles.Analyst => LocalRedirect("/statistics"),
        // A tenant shared by several organisations: its people choose which one they act for first.
        null when User.HasClaim(c => c.Type == TenantTokenMapper.OrgChoiceClaim) => LocalRedirect(OrganisationModel.Path),
        _ => Page(),
    };
}
