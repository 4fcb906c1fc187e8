namespace ConsentPlatform.Audit.Checkpoints;

/// <summary><c>{from, to, hashes}</c>: the RFC 6962 consistency proof between two tree sizes, hashes in base64, in RFC 6962's order.</summary>
public sealed record ConsistencyProofResponse(long From, long To, IReadOnlyList<string> Hashes);

/// <summary><c>{sequence, leafIndex, treeSize, hashes}</c>: the RFC 6962 inclusion proof of entry <c>sequence</c> (leaf <c>sequence − 1</c>).</summary>
public sealed record InclusionProofResponse(long Sequence, long LeafIndex, long TreeSize, IReadOnlyList<string> Hashes);

/// <summary>
/// The verifiable log, for people who do not trust us (issue 19): the latest signed checkpoint
/// (C2SP tlog-checkpoint, signed note, Ed25519) with the witnesses' cosignatures, its verifier key,
/// consistency proofs (anonymous: they reveal sizes and hashes only), inclusion proofs and an
/// entry's exact leaf bytes (Auditor), and the witnesses' cosignatures coming in.
/// </summary>
public static class CheckpointEndpoints
{
    public const string CheckpointPath = "/checkpoint";
    public const string KeyPath = "/checkpoint/key";
    public const string ConsistencyPath = "/proofs/consistency";
    private const string TextPlain = "text/plain; charset=utf-8";

    public static RouteGroupBuilder MapCheckpoints(this RouteGroupBuilder group) => group
        .MapSlice(
            HttpMethods.Get, CheckpointPath, GetCheckpointAsync, "GetCheckpoint",
            summary: "The latest signed checkpoint of the ledger's Merkle tree (C2SP tlog-checkpoint)",
            description: "text/plain: a C2SP signed note (origin, tree size, base64 root hash; an Ed25519 signature line of the log, then one per witness that cosigned it). Anonymous: it reveals only a size and a hash.",
            configure: AnonymousText)
        .MapSlice(
            HttpMethods.Get, KeyPath, GetKey, "GetCheckpointKey",
            summary: "The verifier key of the checkpoints' signatures (signed-note vkey)",
            description: "text/plain: <name>+<key hash>+<base64(0x01 ‖ Ed25519 public key)>, as Go's golang.org/x/mod/sumdb/note reads it. Anonymous.",
            configure: AnonymousText)
        .MapSlice(
            HttpMethods.Get, ConsistencyPath, GetConsistencyProofAsync, "GetConsistencyProof",
            summary: "An RFC 6962 consistency proof between two tree sizes",
            description: "Proves that the tree of `to` entries extends the tree of `from` entries. Hashes in base64, in RFC 6962 order (tlog.CheckTree accepts them). Anonymous.",
            configure: endpoint => endpoint.AllowAnonymous())
        .MapSlice(
            HttpMethods.Get, "/proofs/inclusion", GetInclusionProofAsync, "GetInclusionProof", policy: PlatformRoles.Auditor,
            summary: "An RFC 6962 inclusion proof of one entry in a tree size",
            description: "Entry `sequence` is leaf `sequence − 1`; `treeSize` defaults to the latest checkpoint's. Hashes in base64, in RFC 6962 order (tlog.CheckRecord accepts them).")
        .MapSlice(
            HttpMethods.Get, "/entries/{sequence:long}/leaf", GetLeafAsync, "GetEntryLeaf", policy: PlatformRoles.Auditor,
            summary: "An entry's exact leaf bytes: its stored canonical bytes",
            description: "application/octet-stream: the bytes whose SHA-256(0x00 ‖ bytes) is the entry's leaf hash.",
            configure: endpoint => endpoint.Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream"))
        .MapSlice(
            HttpMethods.Post, "/checkpoint/cosignatures", AddCosignaturesAsync, "AddCheckpointCosignatures", policy: PlatformRoles.Auditor,
            summary: "A witness's cosignature of a checkpoint (C2SP tlog-cosignature)",
            description: "text/plain body: a checkpoint this log signed, with the configured witnesses' cosignature lines. Each line of a configured witness that verifies is kept and served with the checkpoint; lines of anyone else are ignored.",
            configure: endpoint => endpoint.Accepts<string>("text/plain"));

    /// <summary>Anyone may read it (it reveals only sizes, hashes and a public key); answered as text/plain.</summary>
    private static void AnonymousText(RouteHandlerBuilder endpoint) => endpoint.AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "text/plain");

    public static async Task<Outcome<DeclaredElsewhere<ContentHttpResult>, Refused.CheckUnavailable>> GetCheckpointAsync(LedgerDatabase database, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(signer);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Before the first tick of the signer (right after a start), sign now rather than answer nothing.
        var latest = await CheckpointStore.LatestAsync(connection, null, cancellationToken) ?? await signer.SignIfGrownAsync(cancellationToken);
        if (latest is null) return Refusal.CheckUnavailable("The log has not signed a checkpoint yet; try again in a few seconds.") with { Title = "No checkpoint yet" };

        var cosignatures = await CheckpointStore.CosignatureLinesAsync(connection, latest.TreeSize, cancellationToken);
        return new DeclaredElsewhere<ContentHttpResult>(TypedResults.Text(latest.Note + string.Concat(cosignatures), TextPlain, Encoding.UTF8));
    }

    public static ContentHttpResult GetKey(NoteKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TypedResults.Text(key.VerifierKey + "\n", TextPlain, Encoding.UTF8);
    }

    public static async Task<Outcome<Ok<ConsistencyProofResponse>, Refused.Invalid>> GetConsistencyProofAsync(long? from, long? to, LedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var errors = new FieldErrors()
            .That(from is >= 0, "from", "Required: a tree size, 0 or more.")
            .That(to is >= 0, "to", "Required: a tree size, 0 or more.")
            .That(from is null || to is null || from <= to, "to", "Must not be less than 'from'.");
        if (errors.Refusal is { } invalid) return invalid;
        await using var connection = await database.OpenAsync(cancellationToken);
        var size = await LedgerTreeStore.SizeAsync(connection, null, cancellationToken);
        if (new FieldErrors().That(to <= size, "to", $"The tree has {size} entries.").Refusal is { } tooLarge) return tooLarge;
        var proof = await LedgerTreeStore.ConsistencyProofAsync(connection, null, from!.Value, to!.Value, cancellationToken);
        return TypedResults.Ok(new ConsistencyProofResponse(from.Value, to.Value, [.. proof.Select(Convert.ToBase64String)]));
    }

    public static async Task<Outcome<Ok<InclusionProofResponse>, Refused.Invalid, Refused.NotFound>> GetInclusionProofAsync(long? sequence, long? treeSize, LedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var errors = new FieldErrors()
            .That(sequence is >= 1, "sequence", "Required: an entry's sequence, 1 or more.")
            .That(treeSize is null or >= 1, "treeSize", "Must be a tree size, 1 or more.")
            .That(sequence is null || treeSize is null || sequence <= treeSize, "treeSize", "Must not be less than 'sequence'.");
        if (errors.Refusal is { } invalid) return invalid;
        await using var connection = await database.OpenAsync(cancellationToken);
        var proven = await ProveAsync(connection, sequence!.Value, treeSize, cancellationToken);
        if (proven.Refusal is { } refused) return refused;
        return TypedResults.Ok(proven.Proof!);
    }

    /// <summary>
    /// The inclusion proof of <paramref name="sequence"/> in <paramref name="treeSize"/> (default: the
    /// latest checkpoint's size), with the leaf bytes; or the refusal (400 a size the tree has not
    /// reached, 404 an entry that does not exist).
    /// </summary>
    public static async Task<(InclusionProofResponse? Proof, byte[]? Leaf, StoredCheckpoint? Checkpoint, Refusal? Refusal)> ProveAsync(
        NpgsqlConnection connection, long sequence, long? treeSize, CancellationToken cancellationToken)
    {
        var size = await LedgerTreeStore.SizeAsync(connection, null, cancellationToken);
        var checkpoint = await CheckpointStore.LatestAsync(connection, null, cancellationToken);
        var proofSize = treeSize ?? checkpoint?.TreeSize ?? size;
        var errors = new FieldErrors()
            .That(proofSize <= size, "treeSize", $"The tree has {size} entries.")
            .That(sequence <= proofSize, "sequence", $"The tree of {proofSize} entries has no entry {sequence}.");
        if (errors.Refusal is { } invalid) return (null, null, null, invalid);
        if (await LeafAsync(connection, sequence, cancellationToken) is not { } leaf) return (null, null, null, NoEntry(sequence));
        var proof = await LedgerTreeStore.InclusionProofAsync(connection, null, sequence - 1, proofSize, cancellationToken);
        return (new InclusionProofResponse(sequence, sequence - 1, proofSize, [.. proof.Select(Convert.ToBase64String)]), leaf, checkpoint?.TreeSize == proofSize ? checkpoint : null, null);
    }

    public static async Task<Outcome<DeclaredElsewhere<FileContentHttpResult>, Refused.NotFound>> GetLeafAsync(long sequence, LedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await LeafAsync(connection, sequence, cancellationToken) is not { } leaf) return NoEntry(sequence);
        return new DeclaredElsewhere<FileContentHttpResult>(TypedResults.File(leaf, "application/octet-stream", $"ledger-entry-{sequence}.leaf"));
    }

    private static Refusal NoEntry(long sequence) => Refusal.NotFound($"No ledger entry {sequence}.");

    public static async Task<Outcome<Results<NoContent, ProblemHttpResult>, Refused.Unprocessable>> AddCosignaturesAsync(HttpRequest request, LedgerDatabase database, NoteKey key, IOptions<CheckpointOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return (Results<NoContent, ProblemHttpResult>)TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "A cosigned checkpoint is sent as text/plain.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (body.Length > 64 * 1024) return Refusal.Unprocessable("The note is too long.");
        var text = SignedNote.Open(body, key);
        if (text is null || Checkpoint.Parse(text) is not { } checkpoint) return Refusal.Unprocessable("Not a checkpoint signed by this log.");

        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await CheckpointStore.AtSizeAsync(connection, null, checkpoint.Size, cancellationToken);
        if (stored is null || !stored.Note.StartsWith(text, StringComparison.Ordinal)) return Refusal.Unprocessable("This log never signed that checkpoint.");

        var witnesses = options.Value.Witnesses.Select(NoteKey.ParseVerifier).ToList();
        var accepted = 0;
        foreach (var signature in SignedNote.Parse(body)!.Value.Signatures)
        {
            var witness = witnesses.FirstOrDefault(w => w.Name == signature.Name && w.KeyHash == signature.KeyHash);
            if (witness is null || Cosignature.Verify(witness, text, signature) is null) continue;
            await CheckpointStore.SaveCosignatureAsync(connection, checkpoint.Size, witness.Name, signature.Line, clock.GetUtcNow(), cancellationToken);
            accepted++;
        }

        if (accepted == 0) return Refusal.Unprocessable("No valid cosignature of a configured witness.");
        return (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }

    private static async Task<byte[]?> LeafAsync(NpgsqlConnection connection, long sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select canonical from audit.ledger where sequence = @sequence", connection);
        command.Parameters.AddWithValue("sequence", sequence);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }
}
