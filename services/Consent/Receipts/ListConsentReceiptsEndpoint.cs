namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// <c>GET /api/consents/{id}/receipts</c>: the consent's signed receipts, by version, for whoever
/// may read the consent (anyone else gets exactly the 404 of an unknown id). A change's receipt is
/// issued shortly after it (<see cref="ReceiptIssuingSubscription"/>), so the newest may be missing for a moment.
/// </summary>
public static class ListConsentReceiptsEndpoint
{
    public static RouteGroupBuilder MapListConsentReceipts(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/receipts", HandleAsync)
            .WithName("ListConsentReceipts")
            .WithSummary("List a consent's signed receipts")
            .WithDescription("One receipt per grant, acceptance, pause, resume and withdrawal, ordered by consent version: "
                             + "each a compact JWS (ES256) of a Kantara Consent Receipt v1.1 payload, verifiable with the keys at "
                             + "GET /api/consents/receipt-keys. Issued asynchronously: the latest change's receipt may follow it by a moment.");
        return group;
    }

    public static async Task<Outcome<Ok<IReadOnlyList<ConsentReceiptView>>, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        [AsParameters] ConsentReadRequest read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (_, refusal) = await read.ReadAsync();
        if (refusal is not null) return refusal;
        var receipts = await read.Session.Query<ConsentReceipt>()
            .Where(r => r.ConsentId == read.Id)
            .OrderBy(r => r.Version)
            .ToListAsync(read.CancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConsentReceiptView>>([.. receipts.Select(r => new ConsentReceiptView(r.Version, r.IssuedAt, r.Jws))]);
    }
}
