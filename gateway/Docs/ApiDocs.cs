namespace ConsentPlatform.Gateway.Docs;

/// <summary>
/// <c>GET /docs</c>: one Scalar page over the four services' OpenAPI documents, which the
/// gateway proxies anonymously at <c>/openapi/{service}.json</c>. "Try it" calls go to the
/// gateway itself, never straight to a service.
/// </summary>
public static class ApiDocs
{
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/docs", o =>
        {
            o.WithTitle("ConsentPlatform API").AddServer("/", "This gateway");
            foreach (var service in DownstreamServices.All)
            {
                o.AddDocument(service.Name, service.Title, ServiceProxy.OpenApiPath(service), isDefault: service == DownstreamServices.Consent);
            }
        }).AllowAnonymous();
        return app;
    }
}
