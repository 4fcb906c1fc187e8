namespace ConsentPlatform.Portal.Govuk;

/// <summary>
/// The GOV.UK way of showing a form's errors: a red bar on the field's form group, the message
/// above the field (prefixed "Error:" for screen readers), and the field's border. The error
/// summary at the top of the page (<c>_ErrorSummary</c>) links to each field by its id, which
/// is the field's name with <c>.</c>, <c>[</c> and <c>]</c> replaced by <c>_</c> (as ASP.NET Core does).
/// </summary>
public static class Forms
{
    public static string IdFor(string field) => TagBuilder.CreateSanitizedId(field, "_");

    public static string? FirstError(this ModelStateDictionary state, string field)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    public static bool HasError(this IHtmlHelper html, string field) => html.ViewData.ModelState.FirstError(field) is not null;

    /// <summary><c>govuk-form-group</c>, plus <c>--error</c> when the field has an error.</summary>
    public static string GroupClass(this IHtmlHelper html, string field) =>
        html.HasError(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";

    /// <summary>The field's own class (<c>govuk-input</c>, <c>govuk-select</c>, <c>govuk-textarea</c>) with its error modifier.</summary>
    public static string FieldClass(this IHtmlHelper html, string field, string baseClass, string? extra = null)
    {
        var classes = html.HasError(field) ? $"{baseClass} {baseClass}--error" : baseClass;
        return extra is null ? classes : classes + " " + extra;
    }

    /// <summary>The id of the field's error message, for <c>aria-describedby</c>, or null.</summary>
    public static string? ErrorId(this IHtmlHelper html, string field) => html.HasError(field) ? IdFor(field) + "-error" : null;

    /// <summary><c>aria-describedby</c>'s value: the hint id (if any) and the error id (if any).</summary>
    public static string? DescribedBy(this IHtmlHelper html, string field, string? hintId = null)
    {
        var ids = new[] { hintId, html.ErrorId(field) }.Where(i => i is not null);
        var value = string.Join(' ', ids);
        return value.Length == 0 ? null : value;
    }

    public static IHtmlContent ErrorMessage(this IHtmlHelper html, string field)
    {
        ArgumentNullException.ThrowIfNull(html);
        var message = html.ViewData.ModelState.FirstError(field);
        if (message is null) return HtmlString.Empty;
        var encoder = HtmlEncoder.Default;
        return new HtmlString(
            $"<p id=\"{encoder.Encode(IdFor(field))}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {encoder.Encode(message)}</p>");
    }

    /// <summary>Errors for the summary, in the order they were added: (anchor or null, message).</summary>
    public static IReadOnlyList<(string? Anchor, string Message)> SummaryItems(this ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var items = new List<(string?, string)>();
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                items.Add((key.Length == 0 ? null : "#" + IdFor(key), error.ErrorMessage));
            }
        }

        return items;
    }
}
