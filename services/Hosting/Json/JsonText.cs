namespace ConsentPlatform.Hosting.Json;

/// <summary>
/// <see cref="FreeText"/>'s rule over a JSON document that a route reads itself instead of
/// binding it (the release route's <c>data</c>, any JSON per category): the same rule the
/// <see cref="FreeTextConverter"/> applies to bound bodies, on every property name and string.
/// </summary>
public static class JsonText
{
    /// <summary>
    /// The path (below <paramref name="path"/>, dotted, <c>[i]</c> for array entries) of the first
    /// string that breaks the rule, or of the object holding the first property name that does;
    /// null when every name and string is acceptable.
    /// </summary>
    public static string? FirstRefused(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return StringOf(element) is { } text && FreeText.IsAcceptable(text) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameOf(property) is not { } name || !FreeText.IsAcceptable(name)) return path;
                    if (FirstRefused(property.Value, $"{path}.{name}") is { } refused) return refused;
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstRefused(item, $"{path}[{index++}]") is { } refused) return refused;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The property's name, or null when it is not text (an escaped lone surrogate, bytes that are not UTF-8).</summary>
    public static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
