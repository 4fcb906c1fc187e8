namespace ConsentPlatform.Portal.Pages.Admin;

/// <summary>Offboarding a tenant the registry onboarded (issue 18): its people can no longer sign in, from every process's next look.</summary>
public sealed class OffboardModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string TenantId { get; set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) ModelState.AddModelError(nameof(Reason), "Enter why the organisation is offboarded");
        if (!ModelState.IsValid) return Page();

        var offboarded = await Api.PostAsync<object>($"/api/tenants/{Uri.EscapeDataString(TenantId)}/offboard", new { reason });
        // 204: no JSON to read is success here.
        if (!offboarded.Ok && offboarded.Problem!.Status is not (>= 200 and < 300))
        {
            ShowProblem(offboarded.Problem!);
            return Page();
        }

        Done = "The organisation is offboarded: its people can no longer sign in.";
        return LocalRedirect("/admin/tenants");
    }

    protected override string? FieldFor(string apiField) => apiField == "reason" ? nameof(Reason) : null;
}
