namespace ConsentPlatform.Fhir;

/// <summary>
/// The facade speaks FHIR JSON only. A client whose <c>Accept</c> names only other formats (FHIR
/// XML, say) gets 406 with an OperationOutcome, as FHIR's RESTful API asks, rather than JSON it
/// did not ask for. No <c>Accept</c>, <c>*/*</c>, <c>application/*</c>, <c>application/json</c>
/// and <c>application/fhir+json</c> (any parameters) are all answered.
/// </summary>
public sealed class FhirAcceptFilter : IEndpointFilter
{
    private static readonly string[] Answered = ["*/*", "application/*", "application/json", FhirJson.MediaType];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return AcceptsJson(context.HttpContext.Request)
            ? await next(context)
            : new FhirResult(FhirOutcomes.Of(StatusCodes.Status406NotAcceptable, "This server answers in FHIR JSON only (application/fhir+json)."), StatusCodes.Status406NotAcceptable);
    }

    public static bool AcceptsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.Headers.Accept;
        if (accept.Count == 0) return true;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0) return true;
        return types.Any(t => t.Quality is not 0 && Answered.Contains(t.MediaType.Value, StringComparer.OrdinalIgnoreCase));
    }
}

public static class FhirAcceptExtensions
{
    /// <summary>406 OperationOutcome for a request that accepts no FHIR JSON (<see cref="FhirAcceptFilter"/>).</summary>
    public static TBuilder AnswersFhirJsonOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(new FhirAcceptFilter());
        return builder;
    }
}
