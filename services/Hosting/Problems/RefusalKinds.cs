using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>A status an endpoint declares it may refuse with: the type argument of <see cref="Outcome{TOk, TRefusal1}"/>.</summary>
public interface IRefusalKind
{
    static abstract int Status { get; }
}

/// <summary>
/// The refusal kinds an endpoint names in its <see cref="Outcome{TOk, TRefusal1}"/>, so that its
/// OpenAPI responses are the ones it can give, by construction (no hand-written <c>ProducesProblem</c>).
/// </summary>
public static class Refused
{
    /// <summary>400, with every bad field.</summary>
    public sealed class Invalid : IRefusalKind { public static int Status => StatusCodes.Status400BadRequest; }

    public sealed class Forbidden : IRefusalKind { public static int Status => StatusCodes.Status403Forbidden; }

    public sealed class NotFound : IRefusalKind { public static int Status => StatusCodes.Status404NotFound; }

    public sealed class Conflict : IRefusalKind { public static int Status => StatusCodes.Status409Conflict; }

    /// <summary>412: the caller's <c>If-Match</c> names a version that is gone.</summary>
    public sealed class PreconditionFailed : IRefusalKind { public static int Status => StatusCodes.Status412PreconditionFailed; }

    public sealed class Unprocessable : IRefusalKind { public static int Status => StatusCodes.Status422UnprocessableEntity; }

    /// <summary>503: a check the answer depends on could not be made (fail closed).</summary>
    public sealed class CheckUnavailable : IRefusalKind { public static int Status => StatusCodes.Status503ServiceUnavailable; }

    /// <summary>The OpenAPI metadata of each declared status: a problem body (a validation problem for 400).</summary>
    internal static void Declare(Microsoft.AspNetCore.Builder.EndpointBuilder builder, params ReadOnlySpan<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            var body = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, body, ["application/problem+json"]));
        }
    }
}
