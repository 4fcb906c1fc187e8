using System.Globalization;

namespace ConsentPlatform.Portal.Govuk;

/// <summary>
/// The platform's codes in words. Young carers read the first column: short, plain sentences
/// a 12-year-old can follow. Unknown codes are shown as themselves, never hidden.
/// </summary>
public static class Words
{
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["identity.basic"] = "your name and date of birth",
        ["caring.role"] = "that you are a young carer and who you look after",
        ["caring.hours"] = "how much time you spend caring",
        ["education.attendance"] = "how often you are at school",
        ["health.mental"] = "how you are feeling (your mental health)",
        ["cared-for.condition"] = "the illness or disability of the person you look after",
        ["involvement.contacts"] = "which people and services already help you",
    };

    /// <summary>Used only when no DSA description reached the page (see the young carer page).</summary>
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.Ordinal)
    {
        ["school-support"] = "So your school can give you extra time and support when caring gets heavy.",
        ["gp-carer-register"] = "So your doctor knows you are a carer and can look after your health too.",
        ["whole-family-support"] = "So the council can plan help for your whole family, not just for you.",
        ["needs-assessment"] = "So the council can work out what help you need as a young carer.",
    };

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
    };

    public static string Category(string code) => Categories.GetValueOrDefault(code, code);

    public static string Purpose(string code, string? description = null) =>
        !string.IsNullOrWhiteSpace(description) ? description
        : Purposes.TryGetValue(code, out var words) ? words
        : "For " + code.Replace('-', ' ') + ".";

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
        "expired" or "declined" => "govuk-tag--grey",
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
