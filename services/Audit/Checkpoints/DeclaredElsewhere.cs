namespace ConsentPlatform.Audit.Checkpoints;

/// <summary>
/// A success whose result type says nothing to the OpenAPI document (text, a file), for an
/// <see cref="Hosting.Problems.Outcome{TOk, TRefusal1}"/>: the endpoint declares it itself
/// (<c>.Produces&lt;string&gt;(200, "text/plain")</c>), and the outcome declares the refusals.
/// </summary>
public sealed class DeclaredElsewhere<TResult>(TResult result) : IResult, IEndpointMetadataProvider
    where TResult : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
    }
}
