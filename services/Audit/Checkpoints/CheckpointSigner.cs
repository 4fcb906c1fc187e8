namespace ConsentPlatform.Audit.Checkpoints;

/// <summary>Signs checkpoints: <c>Audit:CheckpointIntervalSeconds</c> apart at most (default 5), and only when the tree grew.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Audit";

    public double CheckpointIntervalSeconds { get; set; } = 5;

    /// <summary>Witnesses whose cosignatures are accepted and served: their verifier keys (type 0x04).</summary>
    public List<string> Witnesses { get; set; } = [];
}

/// <summary>
/// Signs a new checkpoint of the Merkle tree every few seconds while entries arrive, and keeps each
/// one. Before signing, it proves the new tree consistent with the last checkpoint it kept
/// (O(log n) stored hashes): a tree rewritten underneath it (an edited entry, recomputed hashes)
/// is not an extension of what it signed before, and it refuses to sign it, logging Critical, so
/// the latest checkpoint stays the last honest one.
/// </summary>
public sealed partial class CheckpointSigner(
    LedgerDatabase database,
    NoteKey key,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CheckpointOptions> options,
    AuditMetrics metrics,
    ILogger<CheckpointSigner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.CheckpointIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SignIfGrownAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Signs the current tree if it is larger than the last checkpoint (or there is none); returns what is now the latest.</summary>
    public async Task<StoredCheckpoint?> SignIfGrownAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TrySignIfGrownAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.SerializationFailure)
        {
            // Another signer (the timer, a reader's first request, another instance) signed the same tree
            // after this snapshot began: under repeatable read its insert is a serialization failure, not
            // a conflict to skip. Theirs is as good as ours; answer with it.
            await using var connection = await database.OpenAsync(cancellationToken);
            return await CheckpointStore.LatestAsync(connection, null, cancellationToken);
        }
    }

    private async Task<StoredCheckpoint?> TrySignIfGrownAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var size = await LedgerTreeStore.SizeAsync(connection, transaction, cancellationToken);
        var latest = await CheckpointStore.LatestAsync(connection, transaction, cancellationToken);
        if (latest is not null && latest.TreeSize >= size) return latest;

        var root = await LedgerTreeStore.RootAsync(connection, transaction, size, cancellationToken);
        if (latest is not null)
        {
            var proof = await LedgerTreeStore.ConsistencyProofAsync(connection, transaction, latest.TreeSize, size, cancellationToken);
            if (!MerkleTree.VerifyConsistency(latest.TreeSize, size, latest.RootHash, root, proof))
            {
                metrics.CheckpointRefused();
                LogInconsistent(logger, size, latest.TreeSize);
                return latest;
            }
        }

        var checkpoint = new Checkpoint(key.Name, size, root);
        var stored = new StoredCheckpoint(size, root, SignedNote.Sign(checkpoint.Body, key), clock.GetUtcNow());
        await CheckpointStore.InsertAsync(connection, transaction, stored, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refused to sign a checkpoint of {Size} entries: the tree is not an extension of the last signed checkpoint ({SignedSize} entries). The ledger was rewritten underneath the service")]
    private static partial void LogInconsistent(ILogger logger, long size, long signedSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sign a checkpoint ({Error}: {Message}); trying again")]
    private static partial void LogFailed(ILogger logger, string error, string message);
}
