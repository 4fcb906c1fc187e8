using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// The single place where exceptions become RFC 9457 problem details. The body's status always
/// equals the response's status. Unknown exceptions are 500 without any detail: a stack trace
/// or a message could carry data that must not leave the service.
/// </summary>
public sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails problem = exception switch
        {
            RequestValidationException v => new ValidationProblemDetails(v.Errors) { Status = 400, Title = v.Title },
            NotFoundException e => Problem(404, e),
            ConflictException e => Problem(409, e),
            PreconditionFailedException e => Problem(412, e),
            UnprocessableException e => Problem(422, e),
            ForbiddenException e => Problem(403, e),
            CheckUnavailableException e => Problem(503, e),
            BadHttpRequestException { InnerException: RefusedTextException text } => TextProblem(text),
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => UnsupportedMediaType(),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request", Detail = BadRequestDetail(e) },
            JsonException => new ProblemDetails { Status = 400, Title = "Bad request", Detail = "The request body is not valid JSON for this route." },
            _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
        };

        if (problem.Status == 500)
        {
            LogUnhandled(logger, exception.GetType().FullName ?? "unknown", exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Names the JSON path that could not be read (unknown field, repeated field, wrong type), never its value.</summary>
    private static ValidationProblemDetails JsonProblem(JsonException e) =>
        new(new Dictionary<string, string[]>
        {
            [FieldOf(e)] = ["This field is unknown or given more than once, or its value has the wrong type or format."],
        })
        { Status = 400, Title = "The request body could not be read." };

    /// <summary>A string that breaks the one text rule (<see cref="FreeText"/>): the field, and the rule, never the value.</summary>
    private static ValidationProblemDetails TextProblem(RefusedTextException e) =>
        new(new Dictionary<string, string[]> { [FieldOf(e)] = [FreeText.Requirement] })
        { Status = 400, Title = "One or more validation errors occurred." };

    public static ProblemDetails UnsupportedMediaType() =>
        new() { Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported media type", Detail = PlatformJson.UnsupportedMediaTypeDetail };

    private static string FieldOf(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');

    private static ProblemDetails Problem(int status, DomainException e) =>
        new() { Status = status, Title = e.Title, Detail = e.Message };

    // Kestrel's own messages for oversized or malformed bodies are safe to show; anything
    // mentioning a parameter binding failure is summarised instead.
    private static string BadRequestDetail(BadHttpRequestException e) =>
        e.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : "The request could not be read: check the JSON body and the parameters.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception {ExceptionType}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, Exception exception);
}

public static class ProblemDetailsRegistration
{
    public static WebApplicationBuilder AddPlatformProblemDetails(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Every problem names the request it answers, so a user can quote it to support.
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // The routing's own 415 (a content type the route does not accept) says what the binder's says.
            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType) ctx.ProblemDetails.Detail ??= PlatformJson.UnsupportedMediaTypeDetail;
            ProblemText.MakePrintable(ctx.ProblemDetails);
        });
        builder.Services.AddExceptionHandler<PlatformExceptionHandler>();
        return builder;
    }
}
