namespace ConsentPlatform.Audit.Stats;

/// <summary>The rule set the figures went through, so that a reader knows what "c" and a multiple of 5 mean.</summary>
public sealed record DisclosureControlRules(int Threshold, int RoundingBase, int MinimumOrganisationsPerGroup, string Suppressed, string NotApplicable);

/// <summary>A finished period's tables, every figure through the disclosure control rules: no subject, no organisation, no decision.</summary>
public sealed record StatisticsResponse(
    string Period,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimePeriod,
    string TimeIdentifier,
    DisclosureControlRules Rules,
    IReadOnlyList<StatisticsTable> Tables);
