namespace ConsentPlatform.Consent.Tests;

/// <summary>The fixed facts the scenarios are told in: one consent, one clock, three actors.</summary>
internal static class Scenario
{
    public static readonly Guid ConsentId = Guid.Parse("0195b5e4-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset GrantedAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = GrantedAt.AddDays(1);
    public static readonly DateTimeOffset ExpiresAt = GrantedAt.AddDays(30);

    public static readonly EventActor YoungCarer = new("YoungCarer:yc-1:sam", "YoungCarer", null);
    public static readonly EventActor Practitioner = new("Practitioner:school-1:ms-lee", "Practitioner", "school-1");

    public static ConsentTerms Terms(
        DateTimeOffset? expiresAt = null,
        IReadOnlyList<string>? recipients = null,
        IReadOnlyList<string>? categories = null) =>
        new("yc-1", "school-support", recipients ?? [], categories ?? [], GivenBy.Self, expiresAt);

    public static ConsentEvent.Granted Granted(ConsentTerms? terms = null) =>
        new(ConsentId, 1, terms ?? Terms(), YoungCarer, GrantedAt);

    public static ConsentEvent.Paused Paused(ConsentTerms? terms = null) =>
        new(ConsentId, 2, terms ?? Terms(), GrantedAt, YoungCarer, null, GrantedAt.AddHours(1));

    public static ConsentEvent.Withdrawn Withdrawn(long version, ConsentTerms? terms = null) =>
        new(ConsentId, version, terms ?? Terms(), GrantedAt, YoungCarer, null, GrantedAt.AddHours(2));

    /// <summary>Given: the state the events leave.</summary>
    public static ConsentState Given(params object[] events) => ConsentEvolution.Fold(events)!;
}
