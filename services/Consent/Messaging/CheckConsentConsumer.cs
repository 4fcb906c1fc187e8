using ConsentPlatform.Consent.Checking;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;
using Marten;
using MassTransit;

namespace ConsentPlatform.Consent.Messaging;

/// <summary>
/// Answers the live <see cref="CheckConsent"/> over RabbitMQ from the inline projection, which
/// is committed with the events: a pause is seen by the very next check.
/// </summary>
public sealed class CheckConsentConsumer(IQuerySession session, TimeProvider clock) : IConsumer<CheckConsent>
{
    public async Task Consume(ConsumeContext<CheckConsent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = context.Message;
        // A check that names no instant is judged now.
        if (check.At == default) check = check with { At = clock.GetUtcNow() };

        ConsentState? consent = null;
        if (!string.IsNullOrEmpty(check.SubjectId) && !string.IsNullOrEmpty(check.Purpose))
        {
            var candidates = await session.Query<ConsentState>()
                .Where(c => c.Terms.SubjectId == check.SubjectId && c.Terms.Purpose == check.Purpose)
                .ToListAsync(context.CancellationToken);
            consent = ConsentCheck.Choose(candidates);
        }

        await context.RespondAsync(ConsentCheck.Evaluate(consent, check));
    }
}
