namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>An organisation that signed a DSA, and its role in it.</summary>
public sealed record DsaParty(string OrgId, string Name, DsaPartyRole Role)
{
    /// <summary>A provider, or both: may hold data shared under the DSA.</summary>
    public bool CanProvide() => Role is DsaPartyRole.Provider or DsaPartyRole.Both;

    /// <summary>A recipient, or both: may receive data shared under the DSA.</summary>
    public bool CanReceive() => Role is DsaPartyRole.Recipient or DsaPartyRole.Both;
}
