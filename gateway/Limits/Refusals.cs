namespace ConsentPlatform.Gateway.Limits;

/// <summary>How the gateway's own limits refuse a request: the status, and a problem+json body through the platform's problem details service.</summary>
internal static class Refusals
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, string? type = null)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = type,
                Status = status,
                Title = title,
                Detail = detail,
            },
        }).AsTask();
    }
}
