using MassTransit;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// Which consents a caller may see, and so read, list, follow the history of or change. A young
/// carer and an auditor are judged by the token (<see cref="ConsentAccess"/>); a practitioner by
/// what ties their organisation to each consent, asking the DSA registry over RabbitMQ, as every
/// other live check does, whether the organisation is party to an active agreement for the purpose
/// of a consent without a recipient list. If the registry does not answer, nothing is shown or
/// changed (503): fail closed. Scoped, like the request client it uses.
/// </summary>
public sealed partial class ConsentVisibility(
    IRequestClient<CheckDsaParty> dsaParty,
    IOptions<ConsentVisibilityOptions> options,
    TimeProvider clock,
    ILogger<ConsentVisibility> logger)
{
    /// <summary>The 503 of a registry that did not answer: nothing is shown or changed.</summary>
    public static readonly Refusal RegistryUnavailable = Refusal.CheckUnavailable(
        "The DSA registry did not answer whether your organisation is party to the agreement for this consent's purpose; nothing was shown or changed. Try again shortly.");

    /// <summary>The consent, or 404 exactly like an unknown id if the caller may not see it; thrown, for the FHIR facade.</summary>
    public async Task EnsureVisibleAsync(Caller caller, ConsentState consent, CancellationToken cancellationToken)
    {
        if (await RefusalUnlessVisibleAsync(caller, consent, cancellationToken) is { } refusal) throw refusal.ToException();
    }

    /// <summary>The 404 (or 403) for a consent the caller may not see, the 503 of a registry that did not answer, or null when they may see it.</summary>
    public async Task<Refusal?> RefusalUnlessVisibleAsync(Caller caller, ConsentState consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(consent);
        if (ConsentAccess.RefusalUnlessVisible(caller, consent) is { } refusal) return refusal;
        var (visible, unavailable) = await SeeAsync(caller, [consent], cancellationToken);
        return unavailable ?? (visible.Count == 0 ? Refusal.From(ConsentAccess.NotFound(consent.Id)) : null);
    }

    /// <summary>
    /// Consent <paramref name="id"/> as it stands, for a caller who may read it: else the 404 of an
    /// unknown id, the 403 of a token that acts for no one, or the 503 of a registry that did not answer.
    /// </summary>
    public async Task<(ConsentState? Consent, Refusal? Refusal)> ReadAsync(IQuerySession session, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.LoadAsync<ConsentState>(id, cancellationToken) is not { } consent) return (null, Refusal.From(ConsentAccess.NotFound(id)));
        return await RefusalUnlessVisibleAsync(caller, consent, cancellationToken) is { } refusal ? (null, refusal) : (consent, null);
    }

    /// <summary>Those of <paramref name="consents"/> the caller may see, in the same order; the registry not answering is thrown (503), for the FHIR facade.</summary>
    public async Task<IReadOnlyList<ConsentState>> VisibleAsync(Caller caller, IReadOnlyList<ConsentState> consents, CancellationToken cancellationToken)
    {
        var (visible, unavailable) = await SeeAsync(caller, consents, cancellationToken);
        return unavailable is null ? visible : throw unavailable.ToException();
    }

    /// <summary>
    /// Those of <paramref name="consents"/> the caller may see, in the same order (one registry
    /// question at most), or <see cref="RegistryUnavailable"/> when the registry did not answer.
    /// </summary>
    public async Task<(IReadOnlyList<ConsentState> Visible, Refusal? Unavailable)> SeeAsync(Caller caller, IReadOnlyList<ConsentState> consents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(consents);
        if (!ConsentAccess.IsPractitioner(caller)) return (consents, null);

        var org = caller.OrgId!;
        var concerns = consents.Select(c => (Consent: c, Concern: ConsentAccess.ConcernOf(org, c))).ToList();
        var purposesToAsk = concerns
            .Where(c => c.Concern == ConsentConcern.IfPartyToAgreementForPurpose)
            .Select(c => c.Consent.Terms.Purpose)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var partyFor = purposesToAsk.Count == 0 ? [] : await PartyForAsync(org, purposesToAsk, cancellationToken);
        if (partyFor is null) return ([], RegistryUnavailable);

        return (
        [
            .. concerns
                .Where(c => c.Concern is ConsentConcern.Recorded or ConsentConcern.Recipient
                            || (c.Concern == ConsentConcern.IfPartyToAgreementForPurpose && partyFor.Contains(c.Consent.Terms.Purpose)))
                .Select(c => c.Consent),
        ], null);
    }

    /// <summary>Of <paramref name="purposes"/>, those for which the organisation is party to an active agreement; null when the registry did not answer (<see cref="RegistryUnavailable"/>).</summary>
    public Task<HashSet<string>?> PartyForPurposesAsync(string org, IReadOnlyList<string> purposes, CancellationToken cancellationToken) =>
        PartyForAsync(org, purposes, cancellationToken);

    /// <summary>Every purpose of the organisation's active agreements (issue 20: an every-purpose competence assessment); null when the registry did not answer.</summary>
    public Task<HashSet<string>?> PartyForAnyPurposeAsync(string org, CancellationToken cancellationToken) =>
        PartyForAsync(org, [], cancellationToken, anyPurpose: true);

    private async Task<HashSet<string>?> PartyForAsync(string org, IReadOnlyList<string> purposes, CancellationToken cancellationToken, bool anyPurpose = false)
    {
        var timeout = options.Value.DsaCheckTimeout;
        try
        {
            var response = await dsaParty.GetResponse<DsaPartyResult>(
                new CheckDsaParty(org, purposes, clock.GetUtcNow(), anyPurpose), cancellationToken, RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return new HashSet<string>(response.Message.PartyForPurposes, StringComparer.Ordinal);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RequestTimeoutException or RequestFaultException or MassTransitException or TimeoutException)
        {
            LogCheckUnavailable(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dsa-party check did not answer ({Error}); refusing to show or change consents")]
    private static partial void LogCheckUnavailable(ILogger logger, string error);
}

/// <summary><c>Consent:DsaCheckTimeout</c>: how long a read or change waits for the DSA registry (default 5 s).</summary>
public sealed class ConsentVisibilityOptions
{
    public const string Section = "Consent";

    public TimeSpan DsaCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
