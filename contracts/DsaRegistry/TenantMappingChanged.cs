namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a platform administrator changes an onboarded tenant's organisations, roles or name: <see cref="Tenant"/> is the whole mapping after the change.</summary>
public sealed record TenantMappingChanged(
    Guid EventId,
    long Version,
    TenantOnboarding Tenant,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
