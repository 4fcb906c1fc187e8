namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// A share request as the rulebook sees it: whose data (<paramref name="SubjectId"/>), for what
/// <paramref name="Purpose"/>, from <paramref name="HolderOrgId"/> to <paramref name="RequesterOrgId"/>
/// (taken from the requester's token, never from a body), which <paramref name="DataCategories"/>,
/// on which <paramref name="Basis"/>, with an optional written <paramref name="Justification"/>.
/// <paramref name="RequestedBy"/> is the requesting user's id: a safeguarding override approved by
/// that same user does not count.
/// </summary>
public sealed record ShareRequest(
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> DataCategories,
    ShareBasis Basis,
    string? Justification,
    string RequestedBy);
