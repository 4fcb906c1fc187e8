namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers what the agreements covering a consent's purpose say (issue 16), from the inline read
/// model, so that a suspension committed a moment ago is already left out of the next explanation.
/// The judgement is the pure <see cref="DsaScope.Explain"/>; this only picks the candidates: the
/// active agreements that contain the purpose.
/// </summary>
public sealed class ExplainConsentPurposeConsumer(IQuerySession session) : IConsumer<ExplainConsentPurpose>
{
    public async Task Consume(ConsumeContext<ExplainConsentPurpose> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Message;
        var purpose = request.Purpose ?? string.Empty;

        var candidates = await session.Query<Agreement>()
            .Where(a => a.Status == DsaStatus.Active && a.PurposeCodes.Contains(purpose))
            .ToListAsync(context.CancellationToken);

        await context.RespondAsync(DsaScope.Explain(request with { Purpose = purpose }, candidates.Select(a => a.ToSnapshot())));
    }
}
