using MassTransit;

namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// Asks the DSA registry, over RabbitMQ, what the agreements covering a consent's purpose say
/// (<see cref="ExplainConsentPurpose"/>), within <c>Consent:DsaCheckTimeout</c> like every other
/// question this service asks it. No answer in time: 503 <c>Check unavailable</c>, and the young
/// person is told so rather than shown a guess. Why a live question and not a copy of the
/// agreements kept from their events: docs/adr/0007-consent-explanation-asks-the-registry.md.
/// </summary>
public sealed partial class AgreementExplanations(
    IRequestClient<ExplainConsentPurpose> registry,
    IOptions<ConsentVisibilityOptions> options,
    ILogger<AgreementExplanations> logger)
{
    /// <summary>The 503 of a registry that did not answer: nothing is shown rather than a guess.</summary>
    public static readonly Refusal Unavailable = Refusal.CheckUnavailable(
        "The DSA registry did not answer which agreements cover this consent's purpose, so nothing is shown rather than a guess. Try again shortly.");

    /// <summary>What the agreements covering the consent's purpose say at <paramref name="now"/>; null when the registry did not answer (<see cref="Unavailable"/>).</summary>
    public Task<PurposeExplanation?> ExplainAsync(ConsentState consent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return ExplainAsync(consent.Terms, now, cancellationToken);
    }

    /// <summary>What the agreements covering <paramref name="terms"/>' purpose said at <paramref name="at"/> (a receipt asks at the moment of its change); null when the registry did not answer.</summary>
    public async Task<PurposeExplanation?> ExplainAsync(ConsentTerms terms, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var question = new ExplainConsentPurpose(terms.Purpose, terms.RecipientOrgIds, terms.DataCategories, at);
        var timeout = options.Value.DsaCheckTimeout;
        try
        {
            var response = await registry.GetResponse<PurposeExplanation>(question, cancellationToken, RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return response.Message;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RequestTimeoutException or RequestFaultException or MassTransitException or TimeoutException)
        {
            LogExplanationUnavailable(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consent-purpose explanation did not answer ({Error}); refusing to explain the consent")]
    private static partial void LogExplanationUnavailable(ILogger logger, string error);
}
