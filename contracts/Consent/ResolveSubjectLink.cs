namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Which ledger id a young carer's sign-in acts for, asked of the consent service (which keeps the
/// links) over RabbitMQ by any other service that needs the caller's subject, answered with
/// <see cref="SubjectLinkResolution"/>. The sign-in travels as its hash only.
/// </summary>
public sealed record ResolveSubjectLink(string SignInHash);

/// <summary>The ledger id the sign-in is linked to now, or null when it is linked to none.</summary>
public sealed record SubjectLinkResolution(string SignInHash, string? SubjectId);
