using System.Security.Claims;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.DsaRegistry.Api;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Problems;
using ConsentPlatform.Hosting.Validation;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.DsaRegistry.Tenants;

public sealed record OffboardTenant(string TenantId, string Reason, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>POST /api/tenants/{tenantId}/offboard</c> <c>{reason}</c>: a platform administrator ends a tenant's
/// onboarding; its tokens are refused by every process from its next look at the registry. A tenant of
/// the configuration is offboarded there; an unknown one is 404.
/// </summary>
public static class Offboarding
{
    public static TenantOffboarded Decide(OffboardTenant command, TenantRegistry state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var tenant = state.Find(command.TenantId) ?? throw new NotFoundException($"Tenant {command.TenantId} is not onboarded through the registry.");
        return new TenantOffboarded(tenant.TenantId, command.Reason, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapOffboardTenant(this RouteGroupBuilder group)
    {
        group.MapPost("/{tenantId}/offboard", HandleAsync)
            .RequireAuthorization(PlatformRoles.PlatformAdministrator)
            .WithName("OffboardTenant")
            .WithSummary("Offboard an identity tenant (platform administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        string tenantId, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required("tenantId", tenantId, Vocabulary.TenantId(), "1 to 64 letters, digits, dots or hyphens");
        errors.ThrowIfAny();
        var command = new OffboardTenant(tenantId, Governance.RequireReason(body?.Reason), EventActors.ActorOf(user), clock.GetUtcNow());
        var state = await TenantRegistryStore.ChangeAsync(session, ifMatch, s => [Decide(command, s)], cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.NoContent();
    }
}
