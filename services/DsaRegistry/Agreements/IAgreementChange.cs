namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// What every command that changes a DSA's status carries, for the decisions
/// <see cref="Governance"/> shares: which DSA, who, when, and why (null where no reason is asked).
/// </summary>
public interface IAgreementChange
{
    Guid DsaId { get; }

    EventActor Actor { get; }

    DateTimeOffset Now { get; }

    string? Reason => null;
}
