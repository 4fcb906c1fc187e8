namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// What the rulebook decided. <c>AwaitingOverrideApproval</c>: a safeguarding request that passes
/// every rule but still needs a safeguarding lead other than the requester to approve it; nothing
/// is released meanwhile. Never reorder or rename: ledgered decisions name these values.
/// </summary>
public enum ShareOutcome
{
    Approved,
    Denied,
    AwaitingOverrideApproval,
}
