namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// A safeguarding lead's approval of a safeguarding share: who approved (user id, organisation,
/// role as in their token) and when. The rationale is kept by the disclosure service and its
/// <c>SafeguardingOverrideApproved</c> event; the rulebook does not judge its text.
/// </summary>
public sealed record OverrideApproval(
    string ApprovedBy,
    string ApprovedByOrgId,
    string ApprovedByRole,
    DateTimeOffset ApprovedAt);
