namespace ConsentPlatform.DsaRegistry.Templates;

/// <summary>
/// A ready agreement for one of the common young carers' shares (issue 17): what an IG officer
/// starts from instead of a blank page. <see cref="LegalSources"/> name the legislation the
/// template's lawful basis is written from, so the officer can check it rather than trust it;
/// <see cref="Parties"/> say which kinds of organisation usually sign it, and in which role.
/// Everything but the parties and the dates is filled in, and all of it stays editable.
/// </summary>
public sealed record DsaTemplate(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> LegalSources,
    IReadOnlyList<TemplateParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    int RetentionDays);

/// <summary>A kind of organisation that usually signs a template, and its role (<c>provider</c>, <c>recipient</c> or <c>both</c>).</summary>
public sealed record TemplateParty(string Kind, DsaPartyRole Role);
