namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// Issues the receipts, after the fact and without loss: a Marten subscription over the consent
/// events, in order, whose checkpoint advances only with the receipts of its batch stored (in the
/// same transaction). For each change that earns one it asks the DSA registry what the agreements
/// said at that moment (<see cref="AgreementExplanations"/>), retrying with backoff for as long as
/// the registry does not answer: a receipt is late rather than wrong, never issued with guessed
/// names. A receipt already stored for that version is left as it is, so processing again issues
/// nothing new.
/// </summary>
public sealed partial class ReceiptIssuingSubscription(
    IServiceScopeFactory scopes,
    ReceiptKey key,
    TimeProvider clock,
    ILogger<ReceiptIssuingSubscription> logger) : SubscriptionBase
{
    public const string SubscriptionName = "consent-receipts";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var @event in page.Events)
        {
            if (ReceiptWorthyChange.From(@event.Data) is not { } change) continue;
            var id = ConsentReceipt.IdOf(change.ConsentId, change.Version);
            if (await operations.LoadAsync<ConsentReceipt>(id, cancellationToken) is not null) continue;
            var agreements = await ExplainUntilAnsweredAsync(change, @event.Sequence, cancellationToken);
            var payload = ConsentReceiptPayload.Build(change, agreements, @event.Id, key.KeyId);
            operations.Store(new ConsentReceipt(id, change.ConsentId, change.Version, clock.GetUtcNow(), key.Sign(payload.ToJson())));
        }

        return NullChangeListener.Instance;
    }

    private async Task<Contracts.DsaRegistry.PurposeExplanation> ExplainUntilAnsweredAsync(ReceiptWorthyChange change, long sequence, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var explanations = scope.ServiceProvider.GetRequiredService<AgreementExplanations>();
                if (await explanations.ExplainAsync(change.Terms, change.At, cancellationToken) is { } explained) return explained;
            }

            LogRegistryUnavailable(logger, change.ConsentId, change.Version, sequence, attempt);
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No receipt yet for consent {ConsentId} version {Version} (event sequence {Sequence}): the DSA registry did not answer on attempt {Attempt}; retrying")]
    private static partial void LogRegistryUnavailable(ILogger logger, Guid consentId, long version, long sequence, int attempt);
}
