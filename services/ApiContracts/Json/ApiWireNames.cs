namespace ConsentPlatform.Api.Contracts.Json;

/// <summary>
/// The one place an enum's name on the wire comes from: kebab-case strings
/// (<c>awaiting-override-approval</c>), never numbers, unless the enum names its values itself
/// (<see cref="JsonStringEnumMemberNameAttribute"/>). The services write their JSON with it
/// (<c>PlatformJson</c>), the portal reads the same JSON with <see cref="ReadingOptions"/> and
/// writes a status into an address or a page with <see cref="Of"/>, so neither spells a status again.
/// </summary>
public static class ApiWireNames
{
    /// <summary>How an enum value's C# name becomes its wire name.</summary>
    public static JsonNamingPolicy EnumNaming => JsonNamingPolicy.KebabCaseLower;

    /// <summary>The converter every JSON options of the platform adds: strings only, a number is refused.</summary>
    public static JsonStringEnumConverter EnumConverter() => new(EnumNaming, allowIntegerValues: false);

    /// <summary>
    /// The API's JSON as a client reads and writes it: camelCase names, enums by their wire names.
    /// A field it does not know is skipped rather than refused, so a service may add a field
    /// (additively, like every contract) before the portal shows it.
    /// </summary>
    public static JsonSerializerOptions ReadingOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { EnumConverter() },
    };

    /// <summary>The wire name of <paramref name="value"/>, exactly as the JSON carries it (<c>ConsentStatus.Active</c> → <c>active</c>).</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToElement(value, value.GetType(), ReadingOptions).GetString()!;
    }

    /// <summary>The enum value whose wire name is <paramref name="wireName"/>, or null when none is (an unknown or newer code).</summary>
    public static TEnum? Parse<TEnum>(string? wireName) where TEnum : struct, Enum =>
        wireName is null ? null : Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => Of(v!.Value) == wireName);
}
