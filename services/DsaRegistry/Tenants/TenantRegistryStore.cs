using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Persistence;
using Marten;

namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary>
/// The tenant registry's one stream for <see cref="StreamChanges"/>: empty before the first
/// onboarding, its version the caller's <c>If-Match</c>.
/// </summary>
public static class TenantRegistryStore
{
    public static readonly StreamKind<TenantRegistry> Kind = new(_ => "The tenant registry", TenantRegistryEvolution.Evolve, r => r.Version)
    {
        Empty = () => TenantRegistry.Empty,
        // The registry has always answered a lost race with 409, If-Match or not.
        RaceWithIfMatchIsConflict = true,
    };

    public static Task<TenantRegistry> ChangeAsync(
        IDocumentSession session, string? ifMatch, Func<TenantRegistry, IReadOnlyList<object>> decide, CancellationToken cancellationToken) =>
        StreamChanges.ChangeAsync(session, Kind, TenantRegistry.StreamId, IfMatch.ExpectedVersion(ifMatch, "tenant registry"), decide, cancellationToken);

    /// <summary>The registry as it stands (the inline read model), or empty before the first onboarding.</summary>
    public static async Task<TenantRegistry> ReadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<TenantRegistry>(TenantRegistry.StreamId, cancellationToken) ?? TenantRegistry.Empty;
    }
}
