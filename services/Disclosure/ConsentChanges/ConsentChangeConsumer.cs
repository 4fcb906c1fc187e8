using MassTransit;

namespace ConsentPlatform.Disclosure.ConsentChanges;

/// <summary>
/// Makes a young person's change of mind travel (issue 20): on the consent service's
/// <see cref="ConsentPaused"/>, <see cref="ConsentWithdrawn"/> and <see cref="ConsentExpired"/>,
/// every disclosure of that subject and purpose is judged by <see cref="ApplyConsentChange"/> and
/// what it decides is appended, all in one commit; a destroyed package's sealed payload and data key
/// are deleted in the same commit. Idempotent: the decision reads the disclosures' state, so a
/// redelivered event changes nothing. A disclosure approved while the event is in flight is not
/// found here, and is still refused at release or read by the live re-check (as before issue 20).
/// </summary>
public sealed partial class ConsentChangeConsumer(IDocumentStore store, TimeProvider clock, IOptions<ConsentChangeOptions> options, ILogger<ConsentChangeConsumer> logger)
    : IConsumer<ConsentPaused>, IConsumer<ConsentWithdrawn>, IConsumer<ConsentExpired>
{
    public Task Consume(ConsumeContext<ConsentPaused> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApplyAsync(context.Message.ConsentId, context.Message.SubjectId, context.Message.Purpose, ConsentStatus.Paused, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ConsentWithdrawn> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApplyAsync(context.Message.ConsentId, context.Message.SubjectId, context.Message.Purpose, ConsentStatus.Withdrawn, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ConsentExpired> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApplyAsync(context.Message.ConsentId, context.Message.SubjectId, context.Message.Purpose, ConsentStatus.Expired, context.CancellationToken);
    }

    private async Task ApplyAsync(Guid consentId, string subjectId, string purpose, ConsentStatus change, CancellationToken cancellationToken)
    {
        // A session per attempt: a retry after a lost race must not carry the failed attempt's appends.
        await using var session = store.LightweightSession();
        var candidates = await session.Query<DisclosureState>()
            .Where(d => d.Request.SubjectId == subjectId && d.Request.Purpose == purpose
                        && (d.Status == Contracts.Disclosure.DisclosureStatus.Approved || d.Status == Contracts.Disclosure.DisclosureStatus.Released))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var command = new ApplyConsentChange(consentId, change, DisclosureActors.ConsentChange, clock.GetUtcNow(), options.Value.Validated());
        var changed = 0;
        foreach (var id in candidates)
        {
            var stream = await session.Events.FetchForWriting<DisclosureState>(id, cancellationToken);
            if (stream.Aggregate is null) continue;
            var events = ApplyConsentChange.Decide(command, stream.Aggregate).Events;
            if (events.Count == 0) continue;
            if (events.Any(e => e is Domain.DisclosureEvent.PackageDestroyed))
            {
                // The data key goes with the ciphertext: it was the only copy, so the payload is shredded.
                session.Delete<SealedPackage>(id);
                session.Delete<PackageDataKey>(id);
            }

            stream.AppendMany(events);
            changed++;
        }

        if (changed == 0) return;
        await session.SaveChangesAsync(cancellationToken);
        LogApplied(logger, consentId, change, changed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent {ConsentId} {Change}: {Count} disclosure(s) blocked, destroyed or asked to delete")]
    private static partial void LogApplied(ILogger logger, Guid consentId, ConsentStatus change, int count);
}

/// <summary>
/// The endpoint: queue <c>disclosure-consent-changes</c>, named here so that the broker permissions
/// (infra/broker-permissions) do not change with a rename. Patient retries while the database is
/// unreachable or another change to the same disclosure wins the race (the decision is then made
/// again on the new state); what still fails goes to <c>disclosure-consent-changes_error</c>.
/// </summary>
public sealed class ConsentChangeConsumerDefinition()
    : PatientConsumerDefinition<ConsentChangeConsumer>(
        QueueName, firstInterval: TimeSpan.FromMilliseconds(200), intervalIncrement: TimeSpan.FromMilliseconds(500), typeof(JasperFx.ConcurrencyException))
{
    public const string QueueName = "disclosure-consent-changes";
}
