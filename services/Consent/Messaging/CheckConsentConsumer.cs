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
        IReadOnlyList<ConsentState> found = [];
        if (!string.IsNullOrEmpty(check.SubjectId) && !string.IsNullOrEmpty(check.Purpose))
        {
            found = await session.Query<ConsentState>()
                .Where(c => c.Terms.SubjectId == check.SubjectId && c.Terms.Purpose == check.Purpose)
                .ToListAsync(context.CancellationToken);
        }

        await context.RespondAsync(ConsentCheck.Answer(check, found, clock.GetUtcNow()));
    }
}
