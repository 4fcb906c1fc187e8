namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>How a recipient answered a deletion request (issue 20). Never reorder or rename.</summary>
public enum DeletionOutcome
{
    Deleted,
    Retained,
}
