namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>The registry's agreement as the API's <see cref="Dsa"/> (the record is declared once, in <c>services/ApiContracts</c>, where the portal reads it too).</summary>
public static class DsaResponses
{
    extension(Dsa)
    {
        public static Dsa From(Agreement agreement)
        {
            ArgumentNullException.ThrowIfNull(agreement);
            var c = agreement.Content;
            return new Dsa(
                agreement.Id, c.Title, c.Parties, c.Purposes, c.EffectiveFrom, c.EffectiveTo, c.RetentionDays,
                agreement.Status, agreement.Version, agreement.StatusReason, agreement.CreatedAt, agreement.UpdatedAt,
                agreement.TermsVersion,
                [.. agreement.Signatures.Select(s => new DsaSignatureView(s.OrgId, c.PartyOf(s.OrgId)?.Name ?? s.OrgId, s.SignedVersion, s.SignedBy, s.SignedAt))],
                agreement.Status is DsaStatus.Draft or DsaStatus.Suspended
                    ? [.. agreement.AwaitingSignatureFrom.Select(p => new AwaitingSignature(p.OrgId, p.Name))]
                    : [],
                c.DpiaReference,
                c.ReviewDate,
                c.TemplateId);
        }
    }
}
