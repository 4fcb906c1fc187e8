namespace ConsentPlatform.Portal.Govuk;

/// <summary>
/// The platform's codes in words for the portal's pages. What a young carer reads about their
/// information (categories, purposes, lawful bases) comes from <see cref="PlainWords"/>, the one
/// vocabulary the API's explanations and receipts use too; the words here are the portal's own
/// (decision reasons, roles, statuses). Unknown codes are shown as themselves, never hidden.
/// </summary>
public static class Words
{
    private static readonly Dictionary<ReasonCode, string> Reasons = new()
    {
        [ReasonCode.NoActiveDsa] = "There is no active data-sharing agreement between these organisations for today.",
        [ReasonCode.RequesterNotParty] = "Your organisation is not a recipient in the data-sharing agreement.",
        [ReasonCode.HolderNotParty] = "The organisation holding the information is not a provider in the data-sharing agreement.",
        [ReasonCode.PurposeNotInDsa] = "The data-sharing agreement does not include this purpose.",
        [ReasonCode.CategoryOutOfScope] = "At least one kind of information asked for is outside what the agreement allows for this purpose.",
        [ReasonCode.ConsentMissing] = "The young person has not given consent for this purpose.",
        [ReasonCode.ConsentPaused] = "The young person has paused their consent for this purpose.",
        [ReasonCode.ConsentWithdrawn] = "The young person has withdrawn their consent for this purpose.",
        [ReasonCode.ConsentExpired] = "The young person's consent for this purpose has expired.",
        [ReasonCode.ConsentRecipientMismatch] = "The young person's consent does not include your organisation.",
        [ReasonCode.ConsentCategoryMismatch] = "The young person's consent does not cover every kind of information asked for.",
        [ReasonCode.OverrideNotAllowed] = "The agreement does not allow a safeguarding override for this purpose.",
        [ReasonCode.JustificationRequired] = "A written reason is needed (information about a family member needs at least 20 characters).",
        [ReasonCode.CheckUnavailable] = "A check could not be completed in time, so nothing was shared. Try again shortly.",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["YoungCarer"] = "Young carer",
        ["Practitioner"] = "Practitioner",
        ["IgOfficer"] = "Information governance officer",
        ["SafeguardingLead"] = "Safeguarding lead",
        ["Auditor"] = "Auditor",
        ["CaldicottGuardian"] = "Caldicott guardian",
        ["PlatformAdministrator"] = "Platform administrator",
        ["Analyst"] = "Analyst",
    };

    /// <summary>A kind of information in plain words: the platform's one vocabulary (<see cref="PlainWords"/>), shared with the API.</summary>
    public static string Category(string code) => PlainWords.Category(code);

    /// <summary>Why the data is shared: the agreement's own words first, then the platform's vocabulary (<see cref="PlainWords"/>).</summary>
    public static string Purpose(string code, string? description = null) => PlainWords.Purpose(code, description);

    public static string Reason(ShareReason reason) => Reason(reason.Code, reason.Message);

    public static string Reason(ReasonCode code, string? message = null) =>
        Reasons.TryGetValue(code, out var words) ? words : message ?? ApiWireNames.Of(code);

    /// <summary>A reason known only by its wire name (a statistics row's label): in words when it names a <see cref="ReasonCode"/>.</summary>
    public static string Reason(string code) => ApiWireNames.Parse<ReasonCode>(code) is { } known ? Reason(known) : code;

    public static string Role(string role) => Roles.GetValueOrDefault(role, role);

    /// <summary>A status of the API's (consent, agreement, disclosure, decision…) in words, from its wire name.</summary>
    public static string Status(Enum status) => Status(ApiWireNames.Of(status));

    public static string Status(string status) => status switch
    {
        "awaiting-override-approval" => "Awaiting safeguarding approval",
        // A consent proposal (issue 16): a question to the young person, not yet (or never) a consent.
        "proposed" => "Waiting for the young person's answer",
        "declined" => "Declined by the young person",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status.Replace('-', ' ')),
    };

    /// <summary>A GOV.UK tag colour for a status of the API's.</summary>
    public static string TagClass(Enum status) => TagClass(ApiWireNames.Of(status));

    /// <summary>A GOV.UK tag colour for a status by its wire name (or the portal's own: <c>valid</c>, <c>consistent</c>…).</summary>
    public static string TagClass(string status) => "govuk-tag " + status switch
    {
        "active" or "approved" or "released" or "valid" or "consistent" => "govuk-tag--green",
        "paused" or "suspended" or "awaiting-override-approval" or "draft" => "govuk-tag--yellow",
        "withdrawn" or "denied" or "terminated" or "invalid" or "inconsistent" => "govuk-tag--red",
        "expired" or "declined" or "blocked" or "destroyed" or "purged" => "govuk-tag--grey",
        _ => "govuk-tag--blue",
    };

    public static string When(DateTimeOffset? at) =>
        at is null ? "—" : at.Value.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset? at) =>
        at is null ? "—" : at.Value.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
