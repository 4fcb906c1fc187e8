using ConsentPlatform.Consent.Checking;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;
using Marten;
using MassTransit;

namespace ConsentPlatform.Consent.Messaging;

/// <summary>
/// Answers the live <see cref="CheckConsent"/> over RabbitMQ from the inline projection, which
/// is committed with the events: a pause is seen by the very next check. The judgement is the
/// shared, pure <see cref="ConsentRule"/>, the same code the audit service replays decisions with.
/// </summary>
public sealed class CheckConsentConsumer(IQuerySession session, TimeProvider clock) : IConsumer<CheckConsent>
{
    public async Task Consume(ConsumeContext<CheckConsent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = context.Message;
        // A check that names no instant is judged now.
        if (check.At == default) check = check with { At = clock.GetUtcNow() };

        ConsentSnapshot? consent = null;
        if (!string.IsNullOrEmpty(check.SubjectId) && !string.IsNullOrEmpty(check.Purpose))
        {
            var candidates = await session.Query<ConsentState>()
                .Where(c => c.Terms.SubjectId == check.SubjectId && c.Terms.Purpose == check.Purpose)
                .ToListAsync(context.CancellationToken);
            // A proposal (open, declined or lapsed) was never agreed to: it is no consent at all.
            consent = ConsentRule.Choose(candidates.Where(c => c.WasAgreed).Select(ConsentCheck.Snapshot));
        }

        await context.RespondAsync(ConsentRule.Check(consent, check));
    }
}
