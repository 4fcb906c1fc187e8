namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a platform administrator offboards a tenant, with why: its tokens are refused from then on.</summary>
public sealed record TenantOffboarded(
    Guid EventId,
    long Version,
    string TenantId,
    string Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
