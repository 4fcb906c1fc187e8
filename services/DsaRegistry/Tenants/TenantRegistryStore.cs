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

    /// <summary>The caller's <c>If-Match</c> as the registry's version, a malformed one an error in <paramref name="errors"/>.</summary>
    public static long? ExpectedVersion(FieldErrors errors, string? ifMatch) => IfMatch.ExpectedVersion(errors, ifMatch, "tenant registry");

    public static Task<StreamChange<TenantRegistry>> DecideAsync(
        IDocumentSession session, long? expectedVersion, Func<TenantRegistry, Decision> decide, CancellationToken cancellationToken) =>
        StreamChanges.DecideAsync(session, Kind, TenantRegistry.StreamId, expectedVersion, decide, cancellationToken);

    /// <summary>The registry as it stands (the inline read model), or empty before the first onboarding.</summary>
    public static async Task<TenantRegistry> ReadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<TenantRegistry>(TenantRegistry.StreamId, cancellationToken) ?? TenantRegistry.Empty;
    }
}
