namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary>
/// Answers every process that validates tokens with the registry's tenants as they stand, from the
/// inline read model (an offboarding committed a moment ago is already gone).
/// </summary>
public sealed class ListOnboardedTenantsConsumer(IQuerySession session) : IConsumer<ListOnboardedTenants>
{
    public async Task Consume(ConsumeContext<ListOnboardedTenants> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var registry = await TenantRegistryStore.ReadAsync(session, context.CancellationToken);
        await context.RespondAsync(registry.ToList());
    }
}
