namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>The acceptance scenario's DSA: a local authority and a school, two purposes.</summary>
public static partial class Samples
{
    public const string LocalAuthority = "E09000033";
    public const string School = "URN100001";
    public const string Stranger = "ODS-Y01";

    public static readonly Guid DsaId = Guid.Parse("0196b0c0-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventActor Officer(string org = LocalAuthority) => new($"ig-{org}", PlatformRoles.IgOfficer, org);

    public static EventActor Practitioner(string org = School) => new($"pr-{org}", PlatformRoles.Practitioner, org);

    public static DsaTerms Terms => new(
        "Young carers support: council and school",
        [new PartyTerms(LocalAuthority, "Example Council", "both"), new PartyTerms(School, "Example School", "both")],
        [SchoolSupport, WholeFamilySupport],
        From,
        To,
        365);

    public static DsaContent Content => Terms.ToContent();

    public static AgreementEvent.Drafted Drafted(DsaContent? content = null) => new(DsaId, content ?? Content, Officer(), From);

    public static AgreementEvent.Amended Amended(DsaContent? content = null) => new(DsaId, content ?? Content with { Title = "Amended title" }, Officer(), Now);

    public static AgreementEvent.Activated Activated => new(DsaId, Officer(), From.AddDays(1));

    public static AgreementEvent.Suspended Suspended => new(DsaId, "School breached the agreement", Officer(), Now.AddDays(-1));

    public static AgreementEvent.Reinstated Reinstated => new(DsaId, Officer(), Now.AddHours(-1));

    public static AgreementEvent.Terminated Terminated => new(DsaId, "Agreement replaced", Officer(), Now.AddHours(-1));

    /// <summary>A party's signature of the terms at <paramref name="version"/> (issue 17).</summary>
    public static AgreementEvent.Signed SignedBy(string org, long version = 1) => new(DsaId, version, org, Officer(org), From.AddHours(1));

    /// <summary>Given: the state these events build.</summary>
    public static Agreement Given(params object[] events) => AgreementEvolution.Fold(events)!;

    /// <summary>The refusal of a decision, asserted to be one with <paramref name="status"/>.</summary>
    public static Refusal Refused(int status, Decision decision) => Refused(status, decision.Refusal);

    /// <inheritdoc cref="Refused(int, Decision)"/>
    public static Refusal Refused(int status, Refusal? refusal)
    {
        Assert.Equal(status, refusal?.Status);
        return refusal!;
    }

    /// <summary>The one event a decision records, asserted to be a <typeparamref name="T"/>.</summary>
    public static T Only<T>(Decision decision) => Assert.IsType<T>(Assert.Single(decision.Events));
}
