using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Consent.Using;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.Contracts.Vocabulary;

namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// <c>GET /api/consents/{id}/explanation</c> (issue 16): what the young person agreed to, from the
/// agreements that cover its purpose at this moment. Who holds and who receives the data, by name;
/// each kind of information in plain words; how long it is kept; why the law allows it; which
/// agreements; whether they can still pause or stop it; how often it was used and the last time.
/// When no active agreement covers the purpose, <see cref="Agreements"/>, <see cref="Organisations"/>
/// and <see cref="Categories"/> are empty and <see cref="KeptForDays"/> and <see cref="LawfulBasis"/>
/// are left out: nothing can be shared, and nothing is guessed.
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
    UsesSoFar Uses)
{
    /// <summary>
    /// The explanation of <paramref name="consent"/> at <paramref name="now"/>, from the registry's
    /// answer and the uses recorded so far: a pure function, the words from <see cref="PlainWords"/>.
    /// </summary>
    public static ConsentExplanation Of(ConsentState consent, PurposeExplanation agreements, ConsentUseTally uses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(uses);
        var purpose = consent.Terms.Purpose;
        var covered = agreements.Covered;
        var organisations = covered ? agreements.Organisations : [];
        var status = consent.StatusAt(now);
        return new ConsentExplanation(
            consent.Id,
            new ExplainedPurpose(purpose, PlainWords.Purpose(purpose, covered ? agreements.Description : null)),
            organisations,
            covered ? [.. agreements.DataCategories.Select(c => new ExplainedCategory(c, PlainWords.Category(c)))] : [],
            covered ? agreements.RetentionDays : null,
            covered && agreements.LawfulBasis is { } basis
                ? new ExplainedLawfulBasis(basis.Article6, basis.Article9, PlainWords.LawfulBasis(basis))
                : null,
            covered ? agreements.Agreements : [],
            new ChangeOfMind(Pause: status == ConsentStatus.Active, Withdraw: status is ConsentStatus.Active or ConsentStatus.Paused),
            UsesSoFar.Of(uses, organisations));
    }
}
