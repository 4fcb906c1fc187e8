namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>What an organisation does under a DSA: provides data, receives it, or both.</summary>
public enum DsaPartyRole
{
    Provider,
    Recipient,
    Both,
}
