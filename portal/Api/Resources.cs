global using ConsentPlatform.Api.Contracts.Json;
global using ConsentPlatform.Audit.Querying;
global using ConsentPlatform.Audit.Replaying;
global using ConsentPlatform.Audit.Stats;
global using ConsentPlatform.Audit.Stats.DisclosureControl;
global using ConsentPlatform.Audit.Verifying;
global using ConsentPlatform.Consent.Api;
global using ConsentPlatform.Consent.Explaining;
global using ConsentPlatform.Consent.Linking;
global using ConsentPlatform.Consent.Receipts;
global using ConsentPlatform.Contracts.Consent;
global using ConsentPlatform.Contracts.Disclosure;
global using ConsentPlatform.Contracts.DsaRegistry;
global using ConsentPlatform.Contracts.Rules;
global using ConsentPlatform.Disclosure.Api;
global using ConsentPlatform.Disclosure.Domain;
global using ConsentPlatform.Disclosure.Packages;
global using ConsentPlatform.DsaRegistry.Reading;
global using ConsentPlatform.DsaRegistry.Templates;
global using ConsentPlatform.DsaRegistry.Tenants;
global using ConsentPlatform.Hosting.Validation;

namespace ConsentPlatform.Portal.Api;

// The API's resources are the services' own response records (services/ApiContracts, ADR 0018):
// the portal reads the JSON into them, with the services' enum wire names (ApiWireNames), and
// declares no resource of its own. A service that renames a field or an enum value breaks the
// portal's build, not its pages. What follows is only what the pages ask of those records.

/// <summary>The questions the portal's pages ask of the API's resources, beside the records rather than in each page.</summary>
public static class ResourceQuestions
{
    extension(ConsentExplanation explanation)
    {
        /// <summary>Whether any agreement covers the purpose now (else nothing can be shared, and nothing is guessed).</summary>
        public bool Covered => explanation.Agreements.Count > 0;

        /// <summary>Each organisation that has the information once, by name, in the order the agreements give them.</summary>
        public IReadOnlyList<PurposeOrganisation> Holders => explanation.Organisations(SharingRole.Holder);

        /// <summary>Each organisation that may be given the information once, by name, in the order the agreements give them.</summary>
        public IReadOnlyList<PurposeOrganisation> Recipients => explanation.Organisations(SharingRole.Recipient);

        private IReadOnlyList<PurposeOrganisation> Organisations(SharingRole role) =>
            [.. explanation.Organisations.Where(o => o.Role == role).DistinctBy(o => o.OrgId)];
    }

    extension(Dsa dsa)
    {
        /// <summary>Whether <paramref name="orgId"/> is a party that has still to sign the current terms (issue 17).</summary>
        public bool AwaitsSignatureOf(string? orgId) =>
            (dsa.AwaitingSignatureFrom ?? []).Any(a => string.Equals(a.OrgId, orgId, StringComparison.OrdinalIgnoreCase));

        /// <summary>The party <paramref name="orgId"/> is, or null when the agreement does not name it.</summary>
        public DsaParty? PartyOf(string? orgId) =>
            dsa.Parties.FirstOrDefault(p => string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase));

        public string NameOf(string orgId) => dsa.PartyOf(orgId)?.Name ?? orgId;
    }

    extension(StatisticsResponse statistics)
    {
        /// <summary>The table <paramref name="id"/> (<c>outcomes-by-purpose</c>…); its last row is the total.</summary>
        public StatisticsTable Table(string id) => statistics.Tables.Single(t => t.Id == id);
    }
}
