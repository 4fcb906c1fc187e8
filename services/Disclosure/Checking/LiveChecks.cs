using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.Contracts.Rules;
using ConsentPlatform.Disclosure.Domain;
using MassTransit;
using Microsoft.Extensions.Options;
using Polly;

namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// Asks the consent and DSA services, over RabbitMQ and both at once, what the rulebook needs to
/// know at an instant. A check that times out, faults or meets an open circuit answers null, which
/// the rulebook turns into <c>check-unavailable</c>: fail closed, never an exception to the caller.
/// Scoped, like the request clients it uses.
/// </summary>
public sealed partial class LiveChecks(
    IRequestClient<CheckConsent> consentClient,
    IRequestClient<CheckDsaScope> dsaClient,
    CheckPipelines pipelines,
    IOptions<LiveCheckOptions> options,
    ILogger<LiveChecks> logger)
{
    public async Task<LiveAnswers> AskAsync(ShareRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The request client's own timeout backs up the pipeline's, so that nothing waits for long.
        var timeout = RequestTimeout.After(ms: (int)Math.Ceiling(options.Value.CheckTimeout.TotalMilliseconds) + 500);
        var dsa = AskOneAsync(
            pipelines.Dsa,
            "dsa-scope",
            token => dsaClient.GetResponse<DsaScopeResult>(
                new CheckDsaScope(request.RequesterOrgId, request.HolderOrgId, request.Purpose, request.DataCategories, at), token, timeout),
            cancellationToken);
        // Consent is the basis only of a consent share; a safeguarding share does not ask it.
        var consent = request.Basis == ShareBasis.Consent
            ? AskOneAsync(
                pipelines.Consent,
                "consent",
                token => consentClient.GetResponse<ConsentCheckResult>(
                    new CheckConsent(request.SubjectId, request.Purpose, request.RequesterOrgId, request.DataCategories, at), token, timeout),
                cancellationToken)
            : Task.FromResult<ConsentCheckResult?>(null);

        await Task.WhenAll(dsa, consent);
        return new LiveAnswers(await consent, await dsa);
    }

    private async Task<T?> AskOneAsync<T>(ResiliencePipeline pipeline, string check, Func<CancellationToken, Task<Response<T>>> ask, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var response = await pipeline.ExecuteAsync(async token => await ask(token), cancellationToken);
            return response.Message;
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
