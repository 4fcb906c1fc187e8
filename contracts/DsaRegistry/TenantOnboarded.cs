namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a platform administrator onboards a tenant. <see cref="Version"/> is the tenant registry's version after the event.</summary>
public sealed record TenantOnboarded(
    Guid EventId,
    long Version,
    TenantOnboarding Tenant,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
