namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// <c>GET /api/consents/{id}/explanation</c> (issue 16): what the young person agreed to, from the
/// agreements that cover its purpose at this moment. Who holds and who receives the data, by name;
/// each kind of information in plain words; how long it is kept; why the law allows it; which
/// agreements; whether they can still pause or stop it; how often it was used and the last time.
/// When no active agreement covers the purpose, <see cref="Agreements"/>, <see cref="Organisations"/>
/// and <see cref="Categories"/> are empty and <see cref="KeptForDays"/> and <see cref="LawfulBasis"/>
/// are left out: nothing can be shared, and nothing is guessed. Made by the consent service's pure
/// <c>ConsentExplanations.Of</c>.
/// </summary>
public sealed record ConsentExplanation(
    Guid ConsentId,
    ExplainedPurpose Purpose,
    IReadOnlyList<PurposeOrganisation> Organisations,
    IReadOnlyList<ExplainedCategory> Categories,
    int? KeptForDays,
    ExplainedLawfulBasis? LawfulBasis,
    IReadOnlyList<PurposeAgreement> Agreements,
    ChangeOfMind CanChangeMind,
    UsesSoFar Uses);
