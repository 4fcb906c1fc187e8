namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>An organisation as a young person's explanation names it: its id, the name the agreement gives it, and what it does with the data.</summary>
public sealed record PurposeOrganisation(string OrgId, string Name, SharingRole Role);
