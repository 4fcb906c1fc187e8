namespace ConsentPlatform.Consent.Reading;

/// <summary><c>GET /api/consents/{id}</c>, with the version as <c>ETag</c> for a later <c>If-Match</c>.</summary>
public static class GetConsentEndpoint
{
    public static RouteGroupBuilder MapGetConsent(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/{id:guid}", HandleAsync, "GetConsent");

    public static async Task<Outcome<Ok<ConsentResponse>, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        [AsParameters] ConsentReadRequest read,
        HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(response);
        var (consent, refusal) = await read.ReadAsync();
        if (refusal is not null) return refusal;
        response.SetETag(consent!.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, read.Clock.GetUtcNow()));
    }
}
