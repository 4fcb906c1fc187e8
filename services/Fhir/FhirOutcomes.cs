using Hl7.Fhir.Model;

namespace ConsentPlatform.Fhir;

/// <summary>
/// Errors under <c>/fhir</c> are FHIR's <c>OperationOutcome</c>, not problem+json, with the same
/// HTTP status. One writer does it for every error there, whoever raised it: a use case's exception
/// through the platform's exception handler, a bodiless 401/403/404/405 through the status-code
/// pages, the gateway's own refusals. It is put first among the problem writers, so that no other
/// writer answers a request under <c>/fhir</c>; everywhere else problem+json is unchanged.
/// </summary>
public sealed class FhirOutcomeWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FhirBase.IsFhirPath(context.HttpContext.Request.Path);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        // The same care as every problem: no control character the caller sent comes back.
        ProblemText.MakePrintable(problem);
        var status = problem.Status ?? http.Response.StatusCode;
        await new FhirResult(FhirOutcomes.From(problem, status), status).ExecuteAsync(http);
    }
}

public static class FhirOutcomes
{
    /// <summary>The <c>OperationOutcome</c> that says what <paramref name="problem"/> says, one issue per field error.</summary>
    public static OperationOutcome From(ProblemDetails problem, int status)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var code = IssueTypeOf(status);
        var severity = status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error;
        var outcome = new OperationOutcome();
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                foreach (var message in messages)
                {
                    outcome.Issue.Add(Issue(severity, code, $"{field}: {message}"));
                }
            }
        }
        else
        {
            var text = string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title ?? "Error" : $"{problem.Title}: {problem.Detail}";
            outcome.Issue.Add(Issue(severity, code, text));
        }

        return outcome;
    }

    /// <summary>A single-issue outcome, for an error a FHIR endpoint describes itself.</summary>
    public static OperationOutcome Of(int status, string text) =>
        new() { Issue = [Issue(status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error, IssueTypeOf(status), text)] };

    /// <summary>FHIR's issue type for an HTTP status (the RESTful API's table of status codes and issue types).</summary>
    public static OperationOutcome.IssueType IssueTypeOf(int status) => status switch
    {
        400 => OperationOutcome.IssueType.Invalid,
        401 => OperationOutcome.IssueType.Login,
        403 => OperationOutcome.IssueType.Forbidden,
        404 => OperationOutcome.IssueType.NotFound,
        405 or 406 or 415 => OperationOutcome.IssueType.NotSupported,
        409 or 412 => OperationOutcome.IssueType.Conflict,
        410 => OperationOutcome.IssueType.Deleted,
        413 => OperationOutcome.IssueType.TooCostly,
        422 => OperationOutcome.IssueType.Processing,
        429 => OperationOutcome.IssueType.Throttled,
        503 => OperationOutcome.IssueType.Transient,
        _ when status >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Processing,
    };

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType code, string text) =>
        new() { Severity = severity, Code = code, Details = new CodeableConcept { Text = text } };

    /// <summary>
    /// Puts <see cref="FhirOutcomeWriter"/> ahead of every other problem writer (writers are asked
    /// in registration order), so that it answers every error under <c>/fhir</c>.
    /// </summary>
    public static IServiceCollection AddFhirOutcomes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ImplementationType == typeof(FhirOutcomeWriter)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, FhirOutcomeWriter>());
        }

        return services;
    }
}
