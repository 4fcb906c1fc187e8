namespace ConsentPlatform.Audit.Checkpoints;

/// <summary>A checkpoint the service signed: its size, root, the signed note, and when.</summary>
public sealed record StoredCheckpoint(long TreeSize, byte[] RootHash, string Note, DateTimeOffset SignedAt);

/// <summary>
/// The signed checkpoints, every one kept (<c>audit.checkpoint</c>, one per tree size), and the
/// witnesses' cosignatures of them (<c>audit.checkpoint_cosignature</c>, one line per witness and size).
/// </summary>
public static class CheckpointStore
{
    public const string Ddl = """
        create table if not exists audit.checkpoint (
            tree_size bigint      primary key,
            root_hash bytea       not null,
            note      text        not null,
            signed_at timestamptz not null
        );
        create table if not exists audit.checkpoint_cosignature (
            tree_size   bigint      not null references audit.checkpoint (tree_size),
            witness     text        not null,
            line        text        not null,
            received_at timestamptz not null,
            primary key (tree_size, witness)
        );
        """;

    public static async Task<StoredCheckpoint?> LatestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        await ReadOneAsync(connection, transaction, "select tree_size, root_hash, note, signed_at from audit.checkpoint order by tree_size desc limit 1", null, cancellationToken);

    public static async Task<StoredCheckpoint?> AtSizeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long treeSize, CancellationToken cancellationToken) =>
        await ReadOneAsync(connection, transaction, "select tree_size, root_hash, note, signed_at from audit.checkpoint where tree_size = @size", treeSize, cancellationToken);

    /// <summary>Keeps a checkpoint; another instance that signed the same size first wins (same root, same tree).</summary>
    public static async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var command = new NpgsqlCommand(
            "insert into audit.checkpoint (tree_size, root_hash, note, signed_at) values (@size, @root, @note, @at) on conflict (tree_size) do nothing",
            connection,
            transaction);
        command.Parameters.AddWithValue("size", checkpoint.TreeSize);
        command.Parameters.AddWithValue("root", checkpoint.RootHash);
        command.Parameters.AddWithValue("note", checkpoint.Note);
        command.Parameters.AddWithValue("at", checkpoint.SignedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The witnesses' signature lines of the checkpoint of <paramref name="treeSize"/>, by witness name.</summary>
    public static async Task<List<string>> CosignatureLinesAsync(NpgsqlConnection connection, long treeSize, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await using var command = new NpgsqlCommand("select line from audit.checkpoint_cosignature where tree_size = @size order by witness", connection);
        command.Parameters.AddWithValue("size", treeSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>Keeps a witness's cosignature line (a newer one from the same witness for the same size replaces it).</summary>
    public static async Task SaveCosignatureAsync(NpgsqlConnection connection, long treeSize, string witness, string line, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            insert into audit.checkpoint_cosignature (tree_size, witness, line, received_at) values (@size, @witness, @line, @at)
            on conflict (tree_size, witness) do nothing
            """,
            connection);
        command.Parameters.AddWithValue("size", treeSize);
        command.Parameters.AddWithValue("witness", witness);
        command.Parameters.AddWithValue("line", line);
        command.Parameters.AddWithValue("at", receivedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<StoredCheckpoint?> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, long? size, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (size is not null) command.Parameters.AddWithValue("size", size.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredCheckpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
    }
}
