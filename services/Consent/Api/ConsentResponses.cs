namespace ConsentPlatform.Consent.Api;

/// <summary>The consent service's own state as the API's <see cref="ConsentResponse"/> (the record is declared once, in <c>services/ApiContracts</c>, where the portal reads it too).</summary>
public static class ConsentResponses
{
    extension(ConsentResponse)
    {
        public static ConsentResponse From(ConsentState consent, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(consent);
            return new ConsentResponse(
                consent.Id,
                consent.Terms.SubjectId,
                consent.Terms.Purpose,
                consent.Terms.RecipientOrgIds,
                consent.Terms.DataCategories,
                consent.Terms.GivenBy,
                consent.StatusAt(now),
                consent.GrantedAt,
                consent.Terms.ExpiresAt,
                consent.Version,
                consent.ProposedAt,
                consent.AnswerBy,
                consent.Note,
                consent.Terms.Proxy,
                consent.ConfirmBy);
        }
    }
}
