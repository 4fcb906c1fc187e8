using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// Declares, in every service's OpenAPI document, the problems an operation gives because of how it
/// is mapped rather than what it decides (those are its <see cref="Outcome{TOk, TRefusal1}"/>'s):
/// <list type="bullet">
/// <item>415 on every operation that takes a JSON body: any such route refuses a body without
/// <c>Content-Type: application/json</c> (the binder, or <see cref="Json.PlatformJson.RequireJsonContentType"/>);</item>
/// <item>401 and 403 on every operation behind an authorization policy: no valid token, or a token
/// whose role or organisation the policy does not admit (the status-code pages write them as problems).</item>
/// </list>
/// One provider instead of a <c>ProducesProblem</c> per endpoint that a new endpoint could forget.
/// </summary>
public sealed class ImplicitProblemResponses : IApiDescriptionProvider
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
            if (takesBody) Declare(description, StatusCodes.Status415UnsupportedMediaType);

            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Declare(description, StatusCodes.Status401Unauthorized);
                Declare(description, StatusCodes.Status403Forbidden);
            }
        }
    }

    private static void Declare(ApiDescription description, int status)
    {
        if (description.SupportedResponseTypes.Any(r => r.StatusCode == status)) return;
        description.SupportedResponseTypes.Add(new ApiResponseType
        {
            StatusCode = status,
            Type = typeof(ProblemDetails),
            ApiResponseFormats = { new ApiResponseFormat { MediaType = "application/problem+json" } },
        });
    }
}
