using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// Declares the 415 problem on every operation that takes a JSON body, in every service's OpenAPI
/// document: any such route refuses a body without <c>Content-Type: application/json</c>
/// (the binder, or <see cref="Json.PlatformJson.RequireJsonContentType"/>). One provider instead of
/// a <c>ProducesProblem(415)</c> per endpoint that a new endpoint could forget.
/// </summary>
public sealed class UnsupportedMediaTypeResponses : IApiDescriptionProvider
{
    // After the minimal-API provider (-1100) has described the endpoints.
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var description in context.Results)
        {
            var takesBody = description.SupportedRequestFormats.Count > 0
                            || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
            if (!takesBody || description.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status415UnsupportedMediaType)) continue;

            description.SupportedResponseTypes.Add(new ApiResponseType
            {
                StatusCode = StatusCodes.Status415UnsupportedMediaType,
                Type = typeof(ProblemDetails),
                ApiResponseFormats = { new ApiResponseFormat { MediaType = "application/problem+json" } },
            });
        }
    }
}
