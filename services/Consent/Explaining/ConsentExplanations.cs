namespace ConsentPlatform.Consent.Explaining;

/// <summary>Makes the API's <see cref="ConsentExplanation"/> (declared once, in <c>services/ApiContracts</c>, where the portal reads it too).</summary>
public static class ConsentExplanations
{
    extension(ConsentExplanation)
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
}
