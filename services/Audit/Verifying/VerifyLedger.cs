namespace ConsentPlatform.Audit.Verifying;

/// <summary><c>GET /api/audit/verify</c> (Auditor): <c>{valid, entries, headHash, firstInvalidSequence?}</c>, recomputed now.</summary>
public static class VerifyLedgerEndpoint
{
    public static RouteGroupBuilder MapVerifyLedger(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/verify", HandleAsync, "VerifyLedger", policy: PlatformRoles.Auditor);

    public static async Task<Ok<VerificationResult>> HandleAsync(LedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LedgerVerifier.VerifyAsync(connection, cancellationToken));
    }
}
