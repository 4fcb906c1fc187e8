namespace ConsentPlatform.Benchmarks.Rulebook;

/// <summary>
/// The pure share rulebook (<see cref="ShareRulebook.Decide"/>) on the three paths a decision
/// takes most: approved on consent, denied with several reasons, and a safeguarding request
/// awaiting approval. Inputs are built once; each call is one decision.
/// </summary>
[MemoryDiagnoser]
public class RulebookBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Categories = ["identity.basic", "caring.role", "education.attendance"];

    private readonly ShareRequest consentRequest = new("yc-1", "school-support", "URN-1", "LA-1", Categories, ShareBasis.Consent, null, "practitioner-1");
    private readonly ShareRequest deniedRequest = new("yc-1", "school-support", "URN-1", "LA-1", ["identity.basic", "cared-for.condition"], ShareBasis.Consent, null, "practitioner-1");
    private readonly ShareRequest safeguardingRequest = new("yc-1", "school-support", "URN-1", "LA-1", Categories, ShareBasis.Safeguarding, "Concern raised by the form tutor today.", "practitioner-1");

    private readonly ConsentCheckResult consentOk = new(Guid.CreateVersion7(), 1, ConsentStatus.Active, [], At);
    private readonly ConsentCheckResult consentPaused = new(Guid.CreateVersion7(), 2, ConsentStatus.Paused, [ReasonCode.ConsentPaused, ReasonCode.ConsentCategoryMismatch], At);
    private readonly DsaScopeResult dsaCovered = new(true, Guid.CreateVersion7(), 1, true, true, new LawfulBasis(Article6Basis.Consent, null), 90, [], [], At);
    private readonly DsaScopeResult dsaNotCovered = DsaScopeResult.Denied([ReasonCode.CategoryOutOfScope], At);

    [Benchmark(Baseline = true, Description = "approved (consent)")]
    public ShareDecision Approved() => ShareRulebook.Decide(consentRequest, consentOk, dsaCovered, null, At);

    [Benchmark(Description = "denied (4 reasons)")]
    public ShareDecision Denied() => ShareRulebook.Decide(deniedRequest, consentPaused, dsaNotCovered, null, At);

    [Benchmark(Description = "safeguarding, awaiting approval")]
    public ShareDecision AwaitingOverride() => ShareRulebook.Decide(safeguardingRequest, null, dsaCovered, null, At);
}
