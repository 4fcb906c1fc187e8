namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>
/// A second bus, outside the service, on the same broker and virtual host: it receives the eight
/// published consent events on a durable queue of its own and asks <see cref="CheckConsent"/> as
/// the disclosure service will. It also stands in for the DSA registry's answer to
/// <see cref="CheckDsaParty"/> (the consent service asks it who may see a consent) and to
/// <see cref="ExplainConsentPurpose"/> (what the agreements for a consent's purpose say), from
/// <see cref="AgreementParties"/>: the registry itself is tested against its own database in
/// tests/DsaRegistry.IntegrationTests, and the whole exchange through the real registry in tests/EndToEnd.
/// </summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(string host, ushort port, string virtualHost, string username, string password, string queue, EventInbox inbox, AgreementParties parties)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(parties);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(host, port, virtualHost, h =>
            {
                h.Username(username);
                h.Password(password);
            });
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.Handler<ConsentGranted>(inbox.Add);
                e.Handler<ConsentPaused>(inbox.Add);
                e.Handler<ConsentResumed>(inbox.Add);
                e.Handler<ConsentWithdrawn>(inbox.Add);
                e.Handler<ConsentExpired>(inbox.Add);
                e.Handler<ConsentProposed>(inbox.Add);
                e.Handler<ConsentAccepted>(inbox.Add);
                e.Handler<ConsentDeclined>(inbox.Add);
                e.Handler<CompetenceAssessed>(inbox.Add);
                e.Handler<CheckDsaParty>(async context =>
                {
                    if (parties.IsSilent(context.Message.OrgId)) return;
                    await context.RespondAsync(parties.Answer(context.Message));
                });
                e.Handler<ExplainConsentPurpose>(async context =>
                {
                    if (parties.IsSilentAbout(context.Message.Purpose)) return;
                    await context.RespondAsync(parties.Explain(context.Message));
                });
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return bus;
    }
}

/// <summary>
/// Which organisation is party to an active agreement for which purpose, as the stand-in registry
/// answers it. <see cref="Api.Org"/> is party to one for <c>school-support</c>; a test adds others.
/// An organisation marked silent gets no answer at all, as when the registry is down.
/// <para>
/// The agreements it explains purposes from (<see cref="AddAgreement"/>) are judged by the registry's
/// own pure <see cref="DsaScope.Explain"/>; a purpose marked silent gets no explanation at all.
/// </para>
/// </summary>
public sealed class AgreementParties
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> purposesByOrg = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> silent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DsaSnapshot> agreements = new();
    private readonly ConcurrentDictionary<string, bool> silentPurposes = new(StringComparer.Ordinal);

    public AgreementParties() => Add(Api.Org, "school-support");

    public void Add(string orgId, string purpose) =>
        purposesByOrg.GetOrAdd(orgId, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))[purpose] = true;

    public void Silence(string orgId) => silent[orgId] = true;

    public bool IsSilent(string orgId) => silent.ContainsKey(orgId);

    public void AddAgreement(DsaSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        agreements[agreement.DsaId] = agreement;
    }

    public void SilenceExplanations(string purpose) => silentPurposes[purpose] = true;

    /// <summary>
    /// Ends a silence. Every silence must end: receipts are issued in order and each waits for the
    /// registry's answer, so a purpose left silent would hold back every later receipt of the suite.
    /// </summary>
    public void AnswerExplanations(string purpose) => silentPurposes.TryRemove(purpose, out _);

    public bool IsSilentAbout(string purpose) => silentPurposes.ContainsKey(purpose ?? string.Empty);

    public PurposeExplanation Explain(ExplainConsentPurpose question) => DsaScope.Explain(question, agreements.Values);

    public DsaPartyResult Answer(CheckDsaParty question)
    {
        ArgumentNullException.ThrowIfNull(question);
        IEnumerable<string> party = purposesByOrg.TryGetValue(question.OrgId, out var purposes) ? purposes.Keys : [];
        // Every purpose the organisation is party to only when asked for explicitly (issue 20), as the registry answers.
        var asked = question.AnyPurpose ? party : question.Purposes.Where(p => party.Contains(p, StringComparer.Ordinal));
        return new DsaPartyResult(question.OrgId, [.. asked.Order(StringComparer.Ordinal)], question.At);
    }
}
