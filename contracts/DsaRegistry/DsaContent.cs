namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The whole content of one version of a DSA: what <see cref="DsaDrafted"/> and
/// <see cref="DsaAmended"/> carry, so that any version can be rebuilt from the events alone.
/// The effective window is half-open: from <see cref="EffectiveFrom"/> (inclusive) to
/// <see cref="EffectiveTo"/> (exclusive). <see cref="TemplateId"/> (issue 17): the registry template
/// the agreement was first drafted from, kept through its amendments; null when written from scratch.
/// </summary>
public sealed record DsaContent(
    string Title,
    IReadOnlyList<DsaParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    DateTimeOffset EffectiveFrom,
    DateTimeOffset EffectiveTo,
    int RetentionDays,
    string? DpiaReference = null,
    DateTimeOffset? ReviewBy = null,
    string? TemplateId = null)
{
    /// <summary>
    /// When the parties review the agreement (issue 17): its own <see cref="ReviewBy"/>, or, for an
    /// agreement drafted before review dates existed, a year after it took effect.
    /// </summary>
    public DateTimeOffset ReviewDate => ReviewBy ?? EffectiveFrom.AddYears(1);

    public DsaParty? PartyOf(string orgId) => Parties.FirstOrDefault(p => string.Equals(p.OrgId, orgId, StringComparison.Ordinal));

    public DsaPurpose? PurposeOf(string code) => Purposes.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    public bool IsInWindow(DateTimeOffset at) => EffectiveFrom <= at && at < EffectiveTo;
}
