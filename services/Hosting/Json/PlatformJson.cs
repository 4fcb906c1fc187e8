namespace ConsentPlatform.Hosting.Json;

/// <summary>
/// The one JSON shape of the API: camelCase names, kebab-case enum strings; and what a request
/// body may not do: carry an unknown field, a field twice, or text that breaks <see cref="Validation.FreeText"/>'s rule.
/// </summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // A field the API does not know is refused, not ignored: a typo must not silently
        // drop a restriction (say, "recipientOrgIds") that a young person asked for.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A field given twice is refused, not "last one wins": {"basis":"safeguarding","basis":"consent"}
        // must not be decided on whichever copy a reader happens to keep. Names match case-insensitively
        // (JsonSerializerDefaults.Web), so "basis" and "Basis" are the same field twice.
        options.AllowDuplicateProperties = false;
        // Every string read goes through the one text rule (see FreeTextConverter for why here).
        options.Converters.Add(new FreeTextConverter());
        // Enums travel as kebab-case strings ("awaiting-override-approval"), never as numbers: the
        // one wire naming that the portal reads with too (ApiWireNames).
        options.Converters.Add(ApiWireNames.EnumConverter());
        return options;
    }

    public static WebApplicationBuilder AddPlatformJson(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        // Binding failures reach PlatformExceptionHandler, which names the offending field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>What every 415 says, from the model binder or from a route that reads its body itself.</summary>
    public const string UnsupportedMediaTypeDetail = "The body must be JSON, sent with Content-Type: application/json.";

    /// <summary>
    /// For a route that reads its body itself (the release route, to limit its size): the same
    /// 415 the model binder gives any other JSON route when the content type is missing or wrong.
    /// </summary>
    public static void RequireJsonContentType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException(UnsupportedMediaTypeDetail, StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
