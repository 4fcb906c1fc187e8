namespace ConsentPlatform.Audit.Verifying;

/// <summary>
/// <c>GET /api/audit/export?fromSequence=&amp;toSequence=</c> (Auditor): a bundle of entries that
/// verifies offline with only the log's verifier key (<c>verify --bundle FILE --key KEY</c>): the
/// latest signed checkpoint and, per entry, its leaf bytes and inclusion proof. Defaults to the
/// whole checkpoint; at most <see cref="MaxEntries"/> entries per bundle.
/// </summary>
public static class ExportBundleEndpoint
{
    public const int MaxEntries = 10_000;

    public static RouteGroupBuilder MapExportBundle(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/export", HandleAsync, "ExportLedgerBundle", policy: PlatformRoles.Auditor,
            summary: "A bundle of ledger entries that verifies offline against the signed checkpoint",
            description: "The latest signed checkpoint and, for each entry from fromSequence to toSequence (default: all it covers, at most 10,000), its leaf bytes (base64) and RFC 6962 inclusion proof. Check it with `ConsentPlatform.Audit verify --bundle FILE --key KEY`.");

    public static async Task<Outcome<Ok<AuditBundle>, Refused.Invalid, Refused.CheckUnavailable>> HandleAsync(long? fromSequence, long? toSequence, LedgerDatabase database, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(signer);
        await using var connection = await database.OpenAsync(cancellationToken);
        var checkpoint = await CheckpointStore.LatestAsync(connection, null, cancellationToken) ?? await signer.SignIfGrownAsync(cancellationToken);
        if (checkpoint is null) return Refusal.CheckUnavailable("The log has not signed a checkpoint yet; try again in a few seconds.");
        var from = fromSequence ?? 1;
        var to = toSequence ?? Math.Min(checkpoint.TreeSize, from + MaxEntries - 1);
        var errors = new FieldErrors()
            .That(from >= 1, "fromSequence", "Must be a sequence, 1 or more.")
            .That(to >= from, "toSequence", "Must not be less than 'fromSequence'.")
            .That(to <= checkpoint.TreeSize, "toSequence", $"The latest checkpoint covers {checkpoint.TreeSize} entries.")
            .That(to - from < MaxEntries, "toSequence", $"At most {MaxEntries} entries per bundle.");
        if (errors.Refusal is { } invalid) return invalid;

        var entries = new List<BundleEntry>((int)(to - from + 1));
        var leaves = new List<(long Sequence, byte[] Leaf)>();
        await using (var read = new NpgsqlCommand("select sequence, canonical from audit.ledger where sequence between @from and @to order by sequence", connection))
        {
            read.Parameters.AddWithValue("from", from);
            read.Parameters.AddWithValue("to", to);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) leaves.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        }

        foreach (var (sequence, leaf) in leaves)
        {
            var proof = await LedgerTreeStore.InclusionProofAsync(connection, null, sequence - 1, checkpoint.TreeSize, cancellationToken);
            entries.Add(new BundleEntry(sequence, Convert.ToBase64String(leaf), [.. proof.Select(Convert.ToBase64String)]));
        }

        return TypedResults.Ok(new AuditBundle(AuditBundle.FormatV1, checkpoint.Note, checkpoint.TreeSize, entries));
    }
}
