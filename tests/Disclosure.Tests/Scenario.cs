namespace ConsentPlatform.Disclosure.Tests;

internal static class Scenario
{
    public static readonly DateTimeOffset Now = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Id = Guid.Parse("0195f000-0000-7000-8000-000000000001");
    public static readonly EventActor Teacher = new("Practitioner:school-1:sam", "Practitioner", "school-1");
    public static readonly EventActor SocialWorker = new("Practitioner:la-1:kim", "Practitioner", "la-1");
    public static readonly EventActor CouncilLead = new("SafeguardingLead:la-1:lee", "SafeguardingLead", "la-1");
    public const string Justification = "Needed to plan a carers assessment with the family.";

    public static ShareRequest Request(ShareBasis basis = ShareBasis.Consent, string? justification = null) =>
        new("yc-1", "school-support", "school-1", "la-1", ["caring.role"], basis, justification, Teacher.UserId);

    public static ConsentCheckResult Consent(params ReasonCode[] reasons) => new(Guid.NewGuid(), 2, ConsentStatus.Active, reasons, Now);

    public static DsaScopeResult Dsa(bool allowsOverride = false, int retentionDays = 30) =>
        new(true, Guid.NewGuid(), 4, true, allowsOverride, null, retentionDays, [], [], Now);

    public static LiveAnswers Answers(ConsentCheckResult? consent = null, DsaScopeResult? dsa = null) => new(consent ?? Consent(), dsa ?? Dsa());

    public static IReadOnlyList<object> Requested(ShareRequest? request = null, LiveAnswers? answers = null) =>
        RequestDisclosure.Decide(new RequestDisclosure(Id, request ?? Request(), Teacher, "sam", Now), answers ?? Answers()).Events;

    public static DisclosureState Given(params IEnumerable<object>[] histories) =>
        DisclosureEvolution.Fold(histories.SelectMany(h => h))!;

    /// <summary>The refusal of a decision, asserted to be one with <paramref name="status"/>.</summary>
    public static Refusal Refused(int status, Decision decision)
    {
        Assert.Equal(status, decision.Refusal?.Status);
        return decision.Refusal!;
    }
}
