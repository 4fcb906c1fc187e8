namespace ConsentPlatform.Portal.Pages.Admin;

/// <summary>
/// The platform administrator's page (issue 18): every identity tenant the platform accepts sign-ins
/// from, which organisations its staff act for and which roles they may hold; onboarding a tenant or
/// changing its mapping. The tenants of the platform's configuration are shown but changed only by a deployment.
/// </summary>
public sealed class TenantsModel : PortalPage
{
    /// <summary>The roles the registry may give a tenant (never PlatformAdministrator).</summary>
    public static IReadOnlyList<string> GrantableRoles { get; } = [.. PlatformRoles.All.Where(r => r != PlatformRoles.PlatformAdministrator)];

    public IReadOnlyList<RegistryTenant> Tenants { get; private set; } = [];

    [BindProperty]
    public string? TenantId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? OrgIds { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var tenantId = TenantId?.Trim();
        if (string.IsNullOrEmpty(tenantId)) ModelState.AddModelError(nameof(TenantId), "Enter the tenant ID (the directory's tid)");
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the name people know the organisation by");
        if (Roles.Count == 0) ModelState.AddModelError(nameof(Roles), "Select the roles its people may hold");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        var saved = await Api.PutAsync<RegistryTenant>($"/api/tenants/{Uri.EscapeDataString(tenantId!)}", new { name = Name!.Trim(), orgIds = SplitList(OrgIds), roles = Roles });
        return await AnsweredAsync(saved, tenant => $"{tenant.Name} is onboarded: its people can sign in within a few seconds.", "/admin/tenants", LoadAsync);
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "tenantId" => nameof(TenantId),
        "name" => nameof(Name),
        "roles" => nameof(Roles),
        _ when apiField.StartsWith("orgIds", StringComparison.Ordinal) => nameof(OrgIds),
        _ => null,
    };

    private async Task LoadAsync()
    {
        if (await ReadAsync<TenantRegistryView>("/api/tenants") is { } registry) Tenants = registry.Tenants;
    }
}
