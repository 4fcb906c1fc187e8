namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// What an organisation does with a young person's data under an agreement, in the words of the
/// explanation (<c>holder</c>, <c>recipient</c>): a provider holds it and may share it, a
/// recipient may receive it. A <c>both</c> party is each.
/// </summary>
public enum SharingRole
{
    Holder,
    Recipient,
}
