namespace ConsentPlatform.Portal.Pages;

/// <summary>A page that finds what it shows by the young carer's ledger id entered in its search box.</summary>
public abstract class SubjectSearchPage : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    public bool Searched { get; private set; }

    /// <summary>
    /// The ledger id entered, trimmed and escaped for a query string; null when none was entered, or
    /// when it is not a ledger id (the field then says so).
    /// </summary>
    protected string? SubjectToSearch()
    {
        if (SubjectId is null) return null;
        SubjectId = SubjectId.Trim();
        if (!IsIdentifier(SubjectId))
        {
            ModelState.AddModelError(nameof(SubjectId), "Enter a ledger id of 1 to 64 letters, numbers or hyphens");
            return null;
        }

        Searched = true;
        return Uri.EscapeDataString(SubjectId);
    }
}
