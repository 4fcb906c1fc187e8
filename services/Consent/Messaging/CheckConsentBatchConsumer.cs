using MassTransit;

namespace ConsentPlatform.Consent.Messaging;

/// <summary>
/// Answers a batch of live consent checks (issue 23) from one query for every subject and purpose
/// of the batch, then judges each check alone, at its own instant, exactly as
/// <see cref="CheckConsentConsumer"/> does (<see cref="ConsentCheck.Answer"/>).
/// </summary>
public sealed class CheckConsentBatchConsumer(IQuerySession session, TimeProvider clock) : IConsumer<CheckConsentBatch>
{
    public async Task Consume(ConsumeContext<CheckConsentBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = await AnswerAsync(session, context.Message.Checks ?? [], clock.GetUtcNow(), context.CancellationToken);
        await context.RespondAsync(new ConsentCheckBatchResult(results));
    }

    /// <summary>The batch's answers; also what the warm-up runs (<see cref="Checking.CheckWarmUp"/>), so that it warms this very code.</summary>
    public static async Task<IReadOnlyList<ConsentCheckResult>> AnswerAsync(IQuerySession session, IReadOnlyList<CheckConsent> checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(checks);
        var asked = checks.Where(c => !string.IsNullOrEmpty(c.SubjectId) && !string.IsNullOrEmpty(c.Purpose)).ToList();
        var subjects = asked.Select(c => c.SubjectId).Distinct(StringComparer.Ordinal).ToArray();
        var purposes = asked.Select(c => c.Purpose).Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<ConsentState> found = [];
        if (asked.Count > 0)
        {
            // One round trip for the whole batch; a subject's consent for another asked purpose is
            // read too, and left aside by the judgement of each check.
            found = await session.Query<ConsentState>()
                .Where(c => subjects.Contains(c.Terms.SubjectId) && purposes.Contains(c.Terms.Purpose))
                .ToListAsync(cancellationToken);
        }

        return [.. checks.Select(c => ConsentCheck.Answer(c, found, now))];
    }
}
