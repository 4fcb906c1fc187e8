using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// A use case's "no", as a value: what a pure <c>Decide</c>, a guard or a validation returns
/// instead of events, and what the edge (<see cref="Outcome{TOk, TRefusal1}"/>) writes as the one
/// RFC 9457 problem response for it. A refusal changes nothing: no event is appended for it.
/// </summary>
/// <remarks>
/// The statuses are the brief's: 400 a bad request (with every bad field), 403 a role or
/// organisation that may not act, 404 what does not exist or may not be known to exist, 409 a
/// state that forbids the change, 412 a stale <c>If-Match</c>, 422 a well-formed request the domain
/// refuses, 503 a check the answer depends on could not be made (fail closed).
/// </remarks>
public sealed record Refusal
{
    private Refusal(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public int Status { get; }

    public string Title { get; init; }

    public string Detail { get; }

    /// <summary>Every message of every bad field (400 only), in the shape of <c>ValidationProblemDetails.Errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>What else the problem carries for the caller's program (a refused re-check's <c>decision</c>), by member name.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "One or more validation errors occurred.", "The request is invalid.", errors);

    /// <summary>One bad field, refused on its own (more than one: <see cref="FieldErrors"/>).</summary>
    public static Refusal Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Refusal Forbidden(string detail) => new(403, "Forbidden", detail);

    public static Refusal NotFound(string detail) => new(404, "Not found", detail);

    public static Refusal Conflict(string detail) => new(409, "Conflict", detail);

    public static Refusal PreconditionFailed(string detail) => new(412, "Precondition failed", detail);

    public static Refusal Unprocessable(string detail) => new(422, "Unprocessable request", detail);

    public static Refusal CheckUnavailable(string detail) => new(503, "Check unavailable", detail);

    /// <summary>The problem body; its status is always the response's.</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = Errors is { } errors
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)) { Status = Status, Title = Title }
            : new ProblemDetails { Status = Status, Title = Title, Detail = Detail };
        foreach (var (name, value) in Extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return problem;
    }

    /// <summary>
    /// The same refusal thrown, for code a value cannot travel out of (a deep helper, a message
    /// consumer's shared read); <see cref="PlatformExceptionHandler"/> writes the same problem for it.
    /// </summary>
    public DomainException ToException() => Status switch
    {
        400 => new RequestValidationException(Errors!.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)),
        403 => new ForbiddenException(Detail),
        404 => new NotFoundException(Detail),
        409 => new ConflictException(Detail),
        412 => new PreconditionFailedException(Detail),
        422 => new UnprocessableException(Detail),
        503 => new CheckUnavailableException(Detail),
        _ => throw new InvalidOperationException($"A refusal with status {Status} has no exception."),
    };

    /// <summary>A refusal thrown by code not yet returning values, as a value again.</summary>
    public static Refusal From(DomainException exception) => exception switch
    {
        RequestValidationException v => Invalid(v.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)),
        ForbiddenException => Forbidden(exception.Message),
        NotFoundException => NotFound(exception.Message),
        ConflictException => Conflict(exception.Message),
        PreconditionFailedException => PreconditionFailed(exception.Message),
        UnprocessableException => Unprocessable(exception.Message),
        CheckUnavailableException => CheckUnavailable(exception.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(exception), exception.GetType().Name, "An unknown kind of refusal."),
    };
}
