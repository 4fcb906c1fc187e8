namespace ConsentPlatform.Consent.Explaining;

/// <summary>Counts a consent's uses into the API's <see cref="UsesSoFar"/> (declared once, in <c>services/ApiContracts</c>).</summary>
public static class UsesSoFarTally
{
    extension(UsesSoFar)
    {
        public static UsesSoFar Of(ConsentUseTally tally, IReadOnlyList<PurposeOrganisation> organisations)
        {
            ArgumentNullException.ThrowIfNull(tally);
            ArgumentNullException.ThrowIfNull(organisations);
            if (tally.Last is not { } last) return new UsesSoFar(tally.Count, null, null, null);
            var name = organisations.FirstOrDefault(o => string.Equals(o.OrgId, last.UsedByOrgId, StringComparison.Ordinal))?.Name;
            return new UsesSoFar(tally.Count, last.UsedAt, last.UsedByOrgId, name);
        }
    }
}
