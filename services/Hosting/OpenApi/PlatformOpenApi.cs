namespace ConsentPlatform.Hosting.OpenApi;

/// <summary>
/// Each service's OpenAPI document, fit for other people's tools (issue 24; <c>redocly lint</c> with
/// Redocly's recommended rules reports no error, <c>tests/Platform.IntegrationTests</c>):
/// <list type="bullet">
/// <item>the bearer scheme is declared, every operation that needs a token requires it, and the
/// anonymous ones say so with an empty <c>security</c>;</item>
/// <item>every operation has a summary: its own, or one made from its name (<c>SuspendDsa</c> → "Suspend dsa");</item>
/// <item>server addresses carry no trailing slash.</item>
/// </list>
/// </summary>
public static partial class PlatformOpenApi
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer((operation, context, _) =>
            {
                var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
                operation.Security = anonymous ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                if (string.IsNullOrWhiteSpace(operation.Summary)) operation.Summary = SummaryOf(operation.OperationId, context.Description.HttpMethod, context.Description.RelativePath);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = BearerScheme,
                    BearerFormat = "JWT",
                    Description = "An access token of the platform (Microsoft Entra ID, or the local issuer's in local mode), as the gateway forwards it.",
                };
                foreach (var server in document.Servers ?? [])
                {
                    if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>A summary from the operation's name, or its method and path when it has none.</summary>
    public static string SummaryOf(string? operationId, string? method, string? path)
    {
        if (string.IsNullOrWhiteSpace(operationId)) return $"{method} /{path}".Trim();
        var words = WordStart().Replace(operationId, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordStart();
}
