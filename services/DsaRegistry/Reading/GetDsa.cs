namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary><c>GET /api/dsas/{id}</c>: the DSA as it stands, with its version as the <c>ETag</c>.</summary>
public static class GetDsa
{
    public static RouteGroupBuilder MapGetDsa(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/{id:guid}", HandleAsync, "GetDsa", configure: endpoint => endpoint.RequireAuthorization(Readers.Policy));

    private static async Task<Outcome<Ok<Dsa>, Refused.NotFound>> HandleAsync(Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var agreement = await session.LoadAsync<Agreement>(id, cancellationToken);
        if (agreement is null) return AgreementStore.NotFound(id);
        return AgreementStore.Respond(agreement, response);
    }
}
