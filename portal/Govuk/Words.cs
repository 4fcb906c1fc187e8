using System.Globalization;
using ConsentPlatform.Contracts.Vocabulary;

namespace ConsentPlatform.Portal.Govuk;

/// <summary>
/// The platform's codes in words for the portal's pages. What a young carer reads about their
/// information (categories, purposes, lawful bases) comes from <see cref="PlainWords"/>, the one
/// vocabulary the API's explanations and receipts use too; the words here are the portal's own
/// (decision reasons, roles, statuses). Unknown codes are shown as themselves, never hidden.
/// </summary>
public static class Words
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["no-active-dsa"] = "There is no active data-sharing agreement between these organisations for today.",
        ["requester-not-party"] = "Your organisation is not a recipient in the data-sharing agreement.",
        ["holder-not-party"] = "The organisation holding the information is not a provider in the data-sharing agreement.",
        ["purpose-not-in-dsa"] = "The data-sharing agreement does not include this purpose.",
        ["category-out-of-scope"] = "At least one kind of information asked for is outside what the agreement allows for this purpose.",
        ["consent-missing"] = "The young person has not given consent for this purpose.",
        ["consent-paused"] = "The young person has paused their consent for this purpose.",
        ["consent-withdrawn"] = "The young person has withdrawn their consent for this purpose.",
        ["consent-expired"] = "The young person's consent for this purpose has expired.",
        ["consent-recipient-mismatch"] = "The young person's consent does not include your organisation.",
        ["consent-category-mismatch"] = "The young person's consent does not cover every kind of information asked for.",
        ["override-not-allowed"] = "The agreement does not allow a safeguarding override for this purpose.",
        ["justification-required"] = "A written reason is needed (information about a family member needs at least 20 characters).",
        ["check-unavailable"] = "A check could not be completed in time, so nothing was shared. Try again shortly.",
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

    public static string Reason(string code, string? message = null) =>
        Reasons.TryGetValue(code, out var words) ? words : message ?? code;

    public static string Role(string role) => Roles.GetValueOrDefault(role, role);

    public static string Status(string status) => status switch
    {
        "awaiting-override-approval" => "Awaiting safeguarding approval",
        // A consent proposal (issue 16): a question to the young person, not yet (or never) a consent.
        "proposed" => "Waiting for the young person's answer",
        "declined" => "Declined by the young person",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status.Replace('-', ' ')),
    };

    /// <summary>A GOV.UK tag colour for a status.</summary>
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
