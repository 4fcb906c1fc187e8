namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// Exceptions a use case throws to refuse a request; <see cref="PlatformExceptionHandler"/>
/// turns each into the problem response the brief gives for it.
/// </summary>
public abstract class DomainException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>404: the resource does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string detail) : DomainException("Not found", detail);

/// <summary>409: the current state forbids the change.</summary>
public sealed class ConflictException(string detail) : DomainException("Conflict", detail);

/// <summary>412: the caller's If-Match version is stale.</summary>
public sealed class PreconditionFailedException(string detail) : DomainException("Precondition failed", detail);

/// <summary>422: a well-formed request the domain refuses.</summary>
public sealed class UnprocessableException(string detail) : DomainException("Unprocessable request", detail);

/// <summary>403: the caller's role or organisation may not touch this resource.</summary>
public sealed class ForbiddenException(string detail) : DomainException("Forbidden", detail);

/// <summary>503: a check the answer depends on could not be made; nothing was shown or changed (fail closed).</summary>
public sealed class CheckUnavailableException(string detail) : DomainException("Check unavailable", detail);

/// <summary>400 with per-field errors, in the shape of <c>ValidationProblemDetails</c>.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : DomainException("One or more validation errors occurred.", "The request is invalid.")
{
    /// <summary>One bad field, refused on its own (more than one: <see cref="FieldErrors"/>).</summary>
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    public IDictionary<string, string[]> Errors { get; } = errors;
}
