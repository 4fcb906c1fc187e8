namespace ConsentPlatform.Consent.Linking;

/// <summary>The code, shown once, to the practitioner who hands it to the young carer.</summary>
public sealed record IssuedLinkCode(Guid CodeId, string SubjectId, string Code, DateTimeOffset ExpiresAt);
