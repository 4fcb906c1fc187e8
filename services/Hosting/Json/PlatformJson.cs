using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ConsentPlatform.Hosting.Json;

/// <summary>The one JSON shape of the API: camelCase names, kebab-case enum strings.</summary>
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
        // Enums travel as kebab-case strings ("awaiting-override-approval"), never as numbers.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
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
}
