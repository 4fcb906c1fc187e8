namespace ConsentPlatform.Portal.Pages.Auditor;

/// <summary>Recomputes the whole hash chain now and says whether the ledger was altered, and where.</summary>
public sealed class VerifyModel : PortalPage
{
    public VerificationResult? Result { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.GetAsync<VerificationResult>("/api/audit/verify");
        if (!result.Ok) ShowProblem(result.Problem!);
        else
        {
            Result = result.Value;
            CheckedAt = Now;
        }

        return Page();
    }
}
