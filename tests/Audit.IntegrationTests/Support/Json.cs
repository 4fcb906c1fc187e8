namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>The API's JSON as a client reads it.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
