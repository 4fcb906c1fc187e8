namespace ConsentPlatform.Disclosure.Packages;

/// <summary>The released data as the requester reads it (<c>GET /api/disclosures/{id}/package</c>): only the approved categories.</summary>
public sealed record PackageResponse(Guid DisclosureId, IReadOnlyList<string> Categories, JsonElement Data, DateTimeOffset AvailableUntil, DateTimeOffset ReadAt);
