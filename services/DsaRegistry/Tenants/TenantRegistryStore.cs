using ConsentPlatform.DsaRegistry.Http;
using ConsentPlatform.Hosting.Http;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;

namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary>
/// The one way a change reaches the tenant registry: load it for writing, check the caller's If-Match
/// (the registry's version), let the pure decision produce the events, append them with Marten's
/// optimistic concurrency and return the new state. No event: nothing is written.
/// </summary>
public static class TenantRegistryStore
{
    public static async Task<TenantRegistry> ChangeAsync(
        IDocumentSession session, string? ifMatch, Func<TenantRegistry, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        var expected = IfMatch.ExpectedVersion(ifMatch, "tenant registry");
        var stream = await session.Events.FetchForWriting<TenantRegistry>(TenantRegistry.StreamId, cancellationToken);
        var state = stream.Aggregate ?? TenantRegistry.Empty;
        if (expected is { } version && version != state.Version)
        {
            throw new PreconditionFailedException($"The tenant registry is at version {state.Version}, not {version}: read it again before changing it.");
        }

        var events = decide(state);
        if (events.Count == 0) return state;
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException("The tenant registry was changed by someone else at the same time: read it again and retry.");
        }

        return events.Aggregate(state, TenantRegistryEvolution.Evolve);
    }

    /// <summary>The registry as it stands (the inline read model), or empty before the first onboarding.</summary>
    public static async Task<TenantRegistry> ReadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<TenantRegistry>(TenantRegistry.StreamId, cancellationToken) ?? TenantRegistry.Empty;
    }
}
