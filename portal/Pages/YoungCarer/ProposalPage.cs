namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// What the three pages of answering a proposal share (the GOV.UK question-page pattern: one
/// question a page, then check your answers). The answer so far travels in the address
/// (<c>answer</c>, <c>org</c>, <c>category</c>: codes only, nothing personal), so a Back or Change
/// link returns to a page with the answers filled in, and nothing is held on the server until the
/// young person sends it. What the address says is checked against the proposal's own explanation:
/// an answer can only ever narrow it (the API refuses a widening too).
/// </summary>
public abstract class ProposalPage : PortalPage
{
    public const string Yes = "yes";
    public const string Some = "some";
    public const string No = "no";

    public Explained? Proposal { get; private set; }

    /// <summary>Why nothing can be answered here (not found, already answered, cannot be explained now), or null.</summary>
    public string? Unanswerable { get; private set; }

    public IReadOnlyList<PurposeOrganisation> Recipients => Proposal?.Explanation?.Recipients ?? [];

    public IReadOnlyList<ExplainedCategory> Categories => Proposal?.Explanation?.Categories ?? [];

    protected async Task<bool> LoadAsync(Guid id)
    {
        var consent = await Api.GetAsync<ConsentResponse>($"/api/consents/{id}");
        if (!consent.Ok)
        {
            Unanswerable = consent.Problem!.Status == StatusCodes.Status404NotFound ? "We could not find that question." : consent.Problem.Message;
            return false;
        }

        if (consent.Value!.Status != ConsentStatus.Proposed)
        {
            Unanswerable = consent.Value.Status switch
            {
                ConsentStatus.Active or ConsentStatus.Paused => "You have already said yes to this.",
                ConsentStatus.Declined => "You have already said no to this.",
                ConsentStatus.Expired => "This question has ended. Nobody can share anything because of it.",
                _ => "This question cannot be answered any more.",
            };
            return false;
        }

        Proposal = await Explained.OneAsync(Api, consent.Value);
        if (Proposal.Explanation is null)
        {
            Unanswerable = "We cannot show what they want to share right now. Please try again soon. You do not need to answer until you can see it.";
            return false;
        }

        return true;
    }

    /// <summary>The organisations the young person kept, or every recipient when none was chosen in the address.</summary>
    protected static IReadOnlyList<string> Kept(IEnumerable<string>? chosen, IEnumerable<string> offered)
    {
        var offeredList = offered.ToList();
        var chosenList = (chosen ?? []).Where(offeredList.Contains).Distinct(StringComparer.Ordinal).ToList();
        return chosenList.Count == 0 ? offeredList : chosenList;
    }

    /// <summary>The address of a page of this proposal with the answer so far.</summary>
    public static string Address(Guid id, string page, string? answer, IEnumerable<string>? orgs = null, IEnumerable<string>? categories = null)
    {
        var query = new List<string>();
        if (answer is not null) query.Add("answer=" + Uri.EscapeDataString(answer));
        query.AddRange((orgs ?? []).Select(o => "org=" + Uri.EscapeDataString(o)));
        query.AddRange((categories ?? []).Select(c => "category=" + Uri.EscapeDataString(c)));
        var path = $"/young-carer/proposals/{id}" + (page.Length == 0 ? "" : "/" + page);
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    protected IActionResult To(Guid id, string page, string? answer, IEnumerable<string>? orgs = null, IEnumerable<string>? categories = null) =>
        LocalRedirect(Address(id, page, answer, orgs, categories));
}
