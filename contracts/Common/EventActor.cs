namespace ConsentPlatform.Contracts.Common;

/// <summary>Who caused an event: the token's subject, role and organisation (none for a young carer).</summary>
public sealed record EventActor(string UserId, string Role, string? OrgId);
