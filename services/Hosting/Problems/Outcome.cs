namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// What an endpoint answers: its success result, or a <see cref="Refusal"/> of one of the kinds
/// it declares. Both convert implicitly (<c>return TypedResults.Ok(…);</c>, <c>return refusal;</c>),
/// and the OpenAPI document gets the success's metadata and a problem response per declared kind,
/// like ASP.NET Core's <c>Results&lt;…&gt;</c> unions, whose shape this follows.
/// </summary>
/// <remarks>
/// A refusal of a kind the endpoint did not declare is still written (the caller must learn the
/// truth), and logged as an error: the document is wrong, a defect to fix.
/// </remarks>
public sealed class Outcome<TOk, TRefusal1> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1>(Refusal refusal) => new(new RefusalResult(refusal, [TRefusal1.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status);
    }
}

/// <inheritdoc cref="Outcome{TOk, TRefusal1}"/>
public sealed class Outcome<TOk, TRefusal1, TRefusal2> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
    where TRefusal2 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2>(Refusal refusal) => new(new RefusalResult(refusal, [TRefusal1.Status, TRefusal2.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status, TRefusal2.Status);
    }
}

/// <inheritdoc cref="Outcome{TOk, TRefusal1}"/>
public sealed class Outcome<TOk, TRefusal1, TRefusal2, TRefusal3> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
    where TRefusal2 : IRefusalKind
    where TRefusal3 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3>(Refusal refusal) =>
        new(new RefusalResult(refusal, [TRefusal1.Status, TRefusal2.Status, TRefusal3.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status, TRefusal2.Status, TRefusal3.Status);
    }
}

/// <inheritdoc cref="Outcome{TOk, TRefusal1}"/>
public sealed class Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
    where TRefusal2 : IRefusalKind
    where TRefusal3 : IRefusalKind
    where TRefusal4 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4>(Refusal refusal) =>
        new(new RefusalResult(refusal, [TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status);
    }
}

/// <inheritdoc cref="Outcome{TOk, TRefusal1}"/>
public sealed class Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
    where TRefusal2 : IRefusalKind
    where TRefusal3 : IRefusalKind
    where TRefusal4 : IRefusalKind
    where TRefusal5 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5>(Refusal refusal) =>
        new(new RefusalResult(refusal, [TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status, TRefusal5.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status, TRefusal5.Status);
    }
}

/// <inheritdoc cref="Outcome{TOk, TRefusal1}"/>
public sealed class Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5, TRefusal6> : IResult, INestedHttpResult, IEndpointMetadataProvider
    where TOk : IResult, IEndpointMetadataProvider
    where TRefusal1 : IRefusalKind
    where TRefusal2 : IRefusalKind
    where TRefusal3 : IRefusalKind
    where TRefusal4 : IRefusalKind
    where TRefusal5 : IRefusalKind
    where TRefusal6 : IRefusalKind
{
    private Outcome(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5, TRefusal6>(TOk ok) => new(ok);

    public static implicit operator Outcome<TOk, TRefusal1, TRefusal2, TRefusal3, TRefusal4, TRefusal5, TRefusal6>(Refusal refusal) =>
        new(new RefusalResult(refusal, [TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status, TRefusal5.Status, TRefusal6.Status]));

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TOk.PopulateMetadata(method, builder);
        Refused.Declare(builder, TRefusal1.Status, TRefusal2.Status, TRefusal3.Status, TRefusal4.Status, TRefusal5.Status, TRefusal6.Status);
    }
}

/// <summary>The one place a refusal becomes a response: the problem body through the platform's problem details service.</summary>
internal sealed partial class RefusalResult(Refusal refusal, int[] declared) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => refusal.Status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (Array.IndexOf(declared, refusal.Status) < 0 && !DeclaredByPolicy(httpContext))
        {
            var logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RefusalResult>();
            LogUndeclared(logger, refusal.Status, httpContext.Request.Path);
        }

        return TypedResults.Problem(refusal.ToProblemDetails()).ExecuteAsync(httpContext);
    }

    // 401 and 403 are declared on every endpoint behind a policy (ImplicitProblemResponses).
    private bool DeclaredByPolicy(HttpContext httpContext) =>
        refusal.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
        && httpContext.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null;

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Status} refusal that the endpoint {Path} does not declare: its OpenAPI document is wrong")]
    private static partial void LogUndeclared(ILogger logger, int status, string path);
}
