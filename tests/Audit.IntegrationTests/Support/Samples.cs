namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>
/// Published contracts as the consent and DSA services would publish them, for one test's own
/// subject, organisations and purpose (so tests never see each other's entries).
/// </summary>
public sealed class Samples
{
    public Samples()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        Subject = $"yc-{tag}";
        School = $"school-{tag}";
        Council = $"la-{tag}";
        Purpose = $"school-support-{tag}";
    }

    /// <summary>The story's own hour, far from every other test's, so time-filtered counts see only this story.</summary>
    public DateTimeOffset T0 { get; } = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(0, 500_000));

    public string Subject { get; }
    public string School { get; }
    public string Council { get; }
    public string Purpose { get; }

    public EventActor Carer => new($"YoungCarer:{Subject}:sam", "YoungCarer", null);
    public EventActor Officer => new($"IgOfficer:{Council}:ig", "IgOfficer", Council);

    public ConsentGranted Granted(Guid consentId, DateTimeOffset at, IReadOnlyList<string>? recipients = null, IReadOnlyList<string>? categories = null) =>
        new(Guid.NewGuid(), consentId, 1, Subject, Purpose, recipients ?? [], categories ?? [], GivenBy.Self, at, null, ConsentStatus.Active, Carer, at);

    public ConsentPaused Paused(Guid consentId, long version, DateTimeOffset grantedAt, DateTimeOffset at) =>
        new(Guid.NewGuid(), consentId, version, Subject, Purpose, [], [], GivenBy.Self, grantedAt, null, ConsentStatus.Paused, "exams", Carer, at);

    public ConsentResumed Resumed(Guid consentId, long version, DateTimeOffset grantedAt, DateTimeOffset at) =>
        new(Guid.NewGuid(), consentId, version, Subject, Purpose, [], [], GivenBy.Self, grantedAt, null, ConsentStatus.Active, Carer, at);

    public DsaContent Content(bool requiresConsent = true, bool allowsOverride = true) => new(
        $"Support for young carers {Purpose}",
        [new DsaParty(Council, "The council", DsaPartyRole.Provider), new DsaParty(School, "The school", DsaPartyRole.Both)],
        [new DsaPurpose(Purpose, "So your school can support you with caring.", ["identity.basic", "caring.role", "cared-for.condition"], new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), requiresConsent, allowsOverride)],
        T0.AddDays(-30),
        T0.AddDays(365),
        30);

    public DsaDrafted Drafted(Guid dsaId, DateTimeOffset at, DsaContent? content = null) =>
        new(Guid.NewGuid(), dsaId, 1, content ?? Content(), Officer, at);

    public DsaActivated Activated(Guid dsaId, long version, DateTimeOffset at) => new(Guid.NewGuid(), dsaId, version, Officer, at);

    public DsaSuspended Suspended(Guid dsaId, long version, DateTimeOffset at) => new(Guid.NewGuid(), dsaId, version, "review", Officer, at);
}
