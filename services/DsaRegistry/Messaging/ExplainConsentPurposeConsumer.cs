namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>
/// Answers what the agreements covering a consent's purpose say (issue 16), from the inline read
/// model, so that a suspension committed a moment ago is already left out of the next explanation.
/// The judgement is the pure <see cref="DsaScope.Explain"/>; this only picks the candidates: the
/// active agreements that contain the purpose.
/// </summary>
public sealed class ExplainConsentPurposeConsumer(IQuerySession session) : ActiveAgreementsConsumer<ExplainConsentPurpose, PurposeExplanation>(session)
{
    protected override ExplainConsentPurpose Complete(ExplainConsentPurpose request) => request with { Purpose = request.Purpose ?? string.Empty };

    protected override Expression<Func<Agreement, bool>> Concerning(ExplainConsentPurpose request)
    {
        var purpose = request.Purpose ?? string.Empty;
        return a => a.PurposeCodes.Contains(purpose);
    }

    protected override PurposeExplanation Judge(ExplainConsentPurpose request, IEnumerable<DsaSnapshot> agreements) => DsaScope.Explain(request, agreements);
}
