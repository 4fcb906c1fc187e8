namespace ConsentPlatform.Consent.Reading;

/// <summary><c>GET /api/consents/{id}</c>, with the version as <c>ETag</c> for a later <c>If-Match</c>.</summary>
public static class GetConsentEndpoint
{
    public static RouteGroupBuilder MapGetConsent(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", HandleAsync)
            .WithName("GetConsent");
        return group;
    }

    public static async Task<Outcome<Ok<ConsentResponse>, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        IQuerySession session,
        ConsentVisibility visibility,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(response);
        var caller = Caller.From(user);
        var (consent, refusal) = await visibility.ReadAsync(session, id, caller, cancellationToken);
        if (refusal is not null) return refusal;
        response.SetETag(consent!.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, clock.GetUtcNow()));
    }
}
