using MassTransit;

namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// A share decision's path before the first practitioner asks (issue 23 part 5a), all of it but the
/// append: the request body read and validated, both live checks asked of the consent and DSA
/// services over RabbitMQ (first straight through the request clients, then through the batching,
/// the circuit breakers and the timeouts a request uses), the rulebook's decision, the events folded
/// into the answer, the answer written as JSON, and a disclosure read from the store. Every check
/// is about a subject and organisations that do not exist: they are reads, nobody else sees them,
/// and nothing is appended, published or ledgered. Until the two services answer, a pass fails and
/// is tried again (bounded by <c>WarmUp:DependencyTimeout</c>); only an answered ping lets a pass
/// through the circuit breakers, so that a warm-up never opens a circuit the first shares would meet.
/// </summary>
public sealed class LiveCheckWarmUp(
    IClientFactory clients,
    LiveChecks checks,
    IQuerySession session,
    IOptions<LiveCheckOptions> options,
    TimeProvider clock) : IWarmUpStep
{
    private static readonly ClaimsPrincipal Practitioner = new(new ClaimsIdentity(
    [
        new Claim("sub", "warm-up"),
        new Claim(PlatformClaims.Roles, PlatformRoles.Practitioner),
        new Claim(PlatformClaims.Org, "WARM-UP-REQUESTER"),
    ], "warm-up"));

    private static readonly string Body = """
        {"subjectId":"warm-up","purpose":"warm-up","holderOrgId":"WARM-UP-HOLDER","dataCategories":["identity.basic"],"basis":"consent"}
        """;

    public string Name => "live checks and decision";

    public bool AsksAnotherService => true;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var caller = Caller.From(Practitioner);
        var request = JsonSerializer.Deserialize<RequestDisclosureRequest>(Body, PlatformJson.Options);
        var share = RequestDisclosureEndpoint.Validate(request, caller);

        // Straight to each service first: an answer here means both run and listen.
        var timeout = RequestTimeout.After(ms: (int)options.Value.CheckTimeout.TotalMilliseconds);
        var consent = clients.CreateRequestClient<CheckConsentBatch>(timeout).GetResponse<ConsentCheckBatchResult>(
            new CheckConsentBatch([new CheckConsent(share.SubjectId, share.Purpose, share.RequesterOrgId, share.DataCategories, now)]), cancellationToken);
        var dsa = clients.CreateRequestClient<CheckDsaScopeBatch>(timeout).GetResponse<DsaScopeBatchResult>(
            new CheckDsaScopeBatch([new CheckDsaScope(share.RequesterOrgId, share.HolderOrgId, share.Purpose, share.DataCategories, now)]), cancellationToken);
        await Task.WhenAll(consent, dsa);

        // Then as a request asks: batched, through the circuit breakers and timeouts.
        var answers = await checks.AskAsync(share, now, cancellationToken);
        if (answers.Consent is null || answers.Dsa is null) throw new TimeoutException("a live check did not answer in time");
        var command = new RequestDisclosure(Guid.CreateVersion7(now), share, EventActors.ActorOf(caller), caller.Name, now);
        var events = RequestDisclosure.Decide(command, answers);
        var state = DisclosureEvolution.Fold(events)!;
        JsonSerializer.SerializeToUtf8Bytes(DisclosureResponse.From(state), PlatformJson.Options);

        // The read side: a disclosure that is not there.
        await session.LoadAsync<DisclosureState>(Guid.Empty, cancellationToken);
    }
}
