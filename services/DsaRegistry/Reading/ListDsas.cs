namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>
/// <c>GET /api/dsas?orgId=&amp;purpose=&amp;status=</c>: the DSAs a party is in, that contain a
/// purpose, in a status (each filter optional, all combined), oldest first.
/// </summary>
public static class ListDsas
{
    /// <summary>How far ahead <c>reviewDue=true</c> looks.</summary>
    public static readonly TimeSpan ReviewDueWithin = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapListDsas(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/", HandleAsync, "ListDsas", configure: endpoint => endpoint.RequireAuthorization(Readers.Policy));

    private static async Task<Outcome<Ok<IReadOnlyList<Dsa>>, Refused.Invalid>> HandleAsync(
        string? orgId, string? purpose, string? status, bool? reviewDue, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wanted = WireNames.Parse<DsaStatus>(status);
        var errors = new FieldErrors()
            .Matches("orgId", orgId, Vocabulary.OrgId(), "An organisation id is 1 to 64 letters, digits or hyphens.")
            .Matches("purpose", purpose, Vocabulary.Purpose(), "A purpose code is 1 to 64 lower-case letters, digits or hyphens.")
            .That(status is null || wanted is not null, "status", $"The status must be one of: {string.Join(", ", WireNames.All<DsaStatus>())}.");
        if (errors.Refusal is { } invalid) return invalid;

        var query = session.Query<Agreement>().AsQueryable();
        if (orgId is not null)
        {
            query = query.Where(a => a.OrgIds.Contains(orgId));
        }

        if (purpose is not null)
        {
            query = query.Where(a => a.PurposeCodes.Contains(purpose));
        }

        if (wanted is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var agreements = await query.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (reviewDue == true)
        {
            // Issue 17: due for review within 30 days, or overdue; a terminated agreement is reviewed by nobody.
            var horizon = clock.GetUtcNow().Add(ReviewDueWithin);
            agreements = [.. agreements.Where(a => a.Status != DsaStatus.Terminated && a.Content.ReviewDate <= horizon)];
        }

        return TypedResults.Ok<IReadOnlyList<Dsa>>([.. agreements.Select(Dsa.From)]);
    }
}
