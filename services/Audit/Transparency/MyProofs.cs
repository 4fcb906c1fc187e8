namespace ConsentPlatform.Audit.Transparency;

/// <summary>
/// An entry about the young carer, provably in the ledger: its exact leaf bytes (base64), the
/// RFC 6962 inclusion proof against the checkpoint of <see cref="TreeSize"/> entries, and that
/// signed checkpoint, so that their advocate can check it with any standard tool and the log's key.
/// </summary>
public sealed record MyProof(long Sequence, long LeafIndex, long TreeSize, string Leaf, IReadOnlyList<string> Hashes, string Checkpoint);

/// <summary>
/// <c>GET /api/me/proofs?sequence=N</c> (YoungCarer): the proof that entry N, about the caller, is in
/// the ledger. Only the caller's own entries (the entry's subject is the token's): anyone else's,
/// or none, is the same 404. Against the latest checkpoint, signing one now if none covers N yet.
/// </summary>
public static class MyProofsEndpoint
{
    public static RouteGroupBuilder MapMyProofs(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/proofs", HandleAsync, "MyProof", policy: PlatformRoles.YoungCarer,
            summary: "The proof that a ledger entry about me is in the ledger",
            description: "The entry's leaf bytes, its RFC 6962 inclusion proof and the signed checkpoint it is proven against. Only entries about the caller; any other sequence is 404.");

    public static async Task<Outcome<Ok<MyProof>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(long? sequence, ClaimsPrincipal user, LedgerDatabase database, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(signer);
        var subjectId = Caller.From(user).SubjectId;
        if (string.IsNullOrEmpty(subjectId)) return Refusal.Forbidden("The token names no subject.");
        if (new FieldErrors().That(sequence is >= 1, "sequence", "Required: a ledger sequence, 1 or more.").Refusal is { } invalid) return invalid;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var own = new NpgsqlCommand("select exists (select 1 from audit.ledger where sequence = @sequence and subject_id = @subject)", connection))
        {
            own.Parameters.AddWithValue("sequence", sequence!.Value);
            own.Parameters.AddWithValue("subject", subjectId);
            if (await own.ExecuteScalarAsync(cancellationToken) is not true) return Refusal.NotFound($"No ledger entry {sequence} about you.");
        }

        var latest = await CheckpointStore.LatestAsync(connection, null, cancellationToken);
        if (latest is null || latest.TreeSize < sequence) latest = await signer.SignIfGrownAsync(cancellationToken);
        if (latest is null || latest.TreeSize < sequence) return Refusal.CheckUnavailable("No signed checkpoint covers this entry yet; try again in a few seconds.");

        var (proof, leaf, _, refusal) = await CheckpointEndpoints.ProveAsync(connection, sequence.Value, latest.TreeSize, cancellationToken);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(new MyProof(proof!.Sequence, proof.LeafIndex, proof.TreeSize, Convert.ToBase64String(leaf!), proof.Hashes, latest.Note));
    }
}
