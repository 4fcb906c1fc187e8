namespace ConsentPlatform.Disclosure.Reading;

/// <summary><c>GET /api/disclosures/{id}</c>: the decision and what happened since; another org's is 404.</summary>
public static class GetDisclosureEndpoint
{
    public static RouteGroupBuilder MapGetDisclosure(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/{id:guid}", HandleAsync, "GetDisclosure");

    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Forbidden, Refused.NotFound>> HandleAsync(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var caller = Caller.From(user);
        var state = await session.LoadAsync<DisclosureState>(id, cancellationToken);
        if (state is null) return DisclosureAccess.NotFound(id);
        if (DisclosureAccess.RefusalUnlessVisible(caller, state) is { } refusal) return refusal;
        return TypedResults.Ok(DisclosureResponse.From(state));
    }
}
