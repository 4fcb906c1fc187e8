using System.Security.Claims;
using ConsentPlatform.Consent.Api;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Consent.Reading;

/// <summary><c>GET /api/consents/{id}</c>, with the version as <c>ETag</c> for a later <c>If-Match</c>.</summary>
public static class GetConsentEndpoint
{
    public static RouteGroupBuilder MapGetConsent(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", HandleAsync)
            .WithName("GetConsent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Ok<ConsentResponse>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        IQuerySession session,
        ConsentVisibility visibility,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(response);
        var caller = Caller.From(user);
        var consent = await session.LoadAsync<ConsentState>(id, cancellationToken) ?? throw ConsentAccess.NotFound(id);
        await visibility.EnsureVisibleAsync(caller, consent, cancellationToken);
        response.SetETag(consent.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, clock.GetUtcNow()));
    }
}
