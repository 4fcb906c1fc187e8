namespace ConsentPlatform.DsaRegistry.Tenants;

public sealed record OffboardTenant(string TenantId, string Reason, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>POST /api/tenants/{tenantId}/offboard</c> <c>{reason}</c>: a platform administrator ends a tenant's
/// onboarding; its tokens are refused by every process from its next look at the registry. A tenant of
/// the configuration is offboarded there; an unknown one is 404.
/// </summary>
public static class Offboarding
{
    public static Decision Decide(OffboardTenant command, TenantRegistry state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return state.Find(command.TenantId) is { } tenant
            ? [new TenantEvent.Offboarded(tenant.TenantId, command.Reason, command.Actor, command.Now)]
            : Refusal.NotFound($"Tenant {command.TenantId} is not onboarded through the registry.");
    }

    public static RouteGroupBuilder MapOffboardTenant(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{tenantId}/offboard", HandleAsync, "OffboardTenant", policy: PlatformRoles.PlatformAdministrator,
            summary: "Offboard an identity tenant (platform administrators)");

    /// <summary>A lost race is 409 even against <c>If-Match</c>, as the registry has always answered (<see cref="TenantRegistryStore.Kind"/>).</summary>
    private static async Task<Outcome<NoContent, Refused.Invalid, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        string tenantId, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required("tenantId", tenantId, Vocabulary.TenantId(), "1 to 64 letters, digits, dots or hyphens");
        var reason = Governance.Reason(errors, body?.Reason);
        var expected = TenantRegistryStore.ExpectedVersion(errors, ifMatch);
        if (errors.Refusal is { } invalid) return invalid;

        var command = new OffboardTenant(tenantId, reason, EventActors.ActorOf(user), clock.GetUtcNow());
        var change = await TenantRegistryStore.DecideAsync(session, expected, s => Decide(command, s), cancellationToken);
        if (change.Refusal is { } refused) return refused;
        response.SetETag(change.State.Version);
        return TypedResults.NoContent();
    }
}
