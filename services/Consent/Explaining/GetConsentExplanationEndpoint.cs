namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// <c>GET /api/consents/{id}/explanation</c>: for whoever may read the consent (the same rule as
/// <c>GET /api/consents/{id}</c>; anyone else gets exactly the 404 of an unknown id, before the
/// registry is asked anything). Reads only: nothing is recorded.
/// </summary>
public static class GetConsentExplanationEndpoint
{
    public static RouteGroupBuilder MapGetConsentExplanation(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/explanation", HandleAsync)
            .WithName("GetConsentExplanation")
            .WithSummary("Explain a consent to the young person")
            .WithDescription("Which organisations hold and receive what, in plain words, for how long and why, under which agreements, "
                             + "whether the consent can still be paused or withdrawn, and how often it was used. "
                             + "503 when the DSA registry does not answer: never a guess.");
        return group;
    }

    public static async Task<Outcome<Ok<ConsentExplanation>, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        [AsParameters] ConsentReadRequest read,
        AgreementExplanations agreements)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(agreements);
        var (consent, refusal) = await read.ReadAsync();
        if (refusal is not null) return refusal;

        var now = read.Clock.GetUtcNow();
        if (await agreements.ExplainAsync(consent!, now, read.CancellationToken) is not { } explained) return AgreementExplanations.Unavailable;
        var uses = await ConsentUseTally.OfAsync(read.Session, read.Id, read.CancellationToken);
        return TypedResults.Ok(ConsentExplanation.Of(consent!, explained, uses, now));
    }
}
