namespace ConsentPlatform.Audit;

/// <summary>
/// How the ledger writes an event's data: camelCase members, enums as kebab-case strings (as the
/// API shows them, and stable against reordering an enum), nulls kept so every field is visible.
/// Reading is lenient (case-insensitive, unknown members skipped): entries outlive contract versions.
/// </summary>
public static class AuditJson
{
    public static JsonSerializerOptions Data { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: true) },
    };
}
