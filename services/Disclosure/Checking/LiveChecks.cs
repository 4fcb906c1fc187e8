namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// Asks the consent and DSA services, over RabbitMQ and both at once, what the rulebook needs to
/// know at an instant. Each check joins the batch of checks waiting at that moment
/// (<see cref="CoalescedChecks"/>) and is judged alone, at its own instant. A check that times out,
/// faults or meets an open circuit answers null, which the rulebook turns into
/// <c>check-unavailable</c>: fail closed, per check, never an exception to the caller.
/// </summary>
public sealed partial class LiveChecks(
    CoalescedChecks checks,
    IOptions<LiveCheckOptions> options,
    ILogger<LiveChecks> logger)
{
    public async Task<LiveAnswers> AskAsync(ShareRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A check's batch has the check timeout (and the request client's half second more); a check
        // that waited for a batch to leave gets no longer than that either.
        var wait = options.Value.CheckTimeout + TimeSpan.FromMilliseconds(500);
        var dsa = AnswerAsync(
            "dsa-scope",
            checks.Dsa.AskAsync(new CheckDsaScope(request.RequesterOrgId, request.HolderOrgId, request.Purpose, request.DataCategories, at)),
            wait,
            cancellationToken);
        // Consent is the basis only of a consent share; a safeguarding share does not ask it.
        var consent = request.Basis == ShareBasis.Consent
            ? AnswerAsync(
                "consent",
                checks.Consent.AskAsync(new CheckConsent(request.SubjectId, request.Purpose, request.RequesterOrgId, request.DataCategories, at)),
                wait,
                cancellationToken)
            : Task.FromResult<ConsentCheckResult?>(null);

        await Task.WhenAll(dsa, consent);
        return new LiveAnswers(await consent, await dsa);
    }

    private async Task<T?> AnswerAsync<T>(string check, Task<T> answer, TimeSpan wait, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await answer.WaitAsync(wait, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // Timeout, fault, open circuit or broker error: no answer, so the decision fails closed.
            LogCheckUnavailable(logger, check, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Check} check did not answer ({Error}); deciding check-unavailable")]
    private static partial void LogCheckUnavailable(ILogger logger, string check, string error);
}
