namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The ledger's tables in the service's own database (schema <c>audit</c>), created on first use:
/// <list type="bullet">
/// <item><c>ledger</c>: one row per event, <c>sequence</c> the primary key, <c>event_id</c> unique;
/// <c>canonical</c> the entry's bytes as hashed (<see cref="CanonicalEntry"/>), its data included,
/// the other columns there to be indexed and queried.</item>
/// <item><c>ledger_head</c>: one row, the last sequence and hash. Every append locks it
/// (<c>SELECT … FOR UPDATE</c>), which gives the chain one order across instances; verification
/// compares it with the last row, so that cutting entries off the end is found too.</item>
/// <item><c>ledger_key</c>: (key, sequence) pairs such as <c>subject:yc-1</c>, <c>org:school-1</c>,
/// <c>purpose:school-support</c>, <c>disclosure:…</c>; the index every filtered page and every
/// replay reads. Derived from the entries, so not part of the hash.</item>
/// </list>
/// See docs/adr/0004-audit-ledger-storage.md.
/// </summary>
public sealed partial class LedgerDatabase(NpgsqlDataSource dataSource, ILogger<LedgerDatabase>? logger = null)
{
    private const int MigrationBatch = 1000;

    private const string Ddl = """
        create schema if not exists audit;
        create table if not exists audit.ledger (
            sequence      bigint      primary key,
            event_id      uuid        not null,
            event_type    text        not null,
            source        text        not null,
            subject_id    text        null,
            occurred_at   timestamptz not null,
            recorded_at   timestamptz not null,
            canonical     bytea       not null,
            previous_hash bytea       not null,
            hash          bytea       not null,
            constraint ledger_event_id_unique unique (event_id)
        );
        create table if not exists audit.ledger_head (
            id       int    primary key check (id = 1),
            sequence bigint not null,
            hash     bytea  not null
        );
        insert into audit.ledger_head (id, sequence, hash)
            values (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
            on conflict (id) do nothing;
        create table if not exists audit.ledger_key (
            key      text   not null,
            sequence bigint not null,
            primary key (key, sequence)
        );
        create index if not exists ledger_occurred_at on audit.ledger (occurred_at);
        create index if not exists ledger_event_type_occurred_at on audit.ledger (event_type, occurred_at);
        """;

    /// <summary>
    /// Append-only in the database, not only in the code (issue 19): the ledger's tables refuse
    /// UPDATE and DELETE (a row trigger) and TRUNCATE (a statement trigger) from anyone, superusers
    /// included unless they switch triggers off; and the service's own role keeps only INSERT and
    /// SELECT on them (its UPDATE, DELETE and TRUNCATE revoked, so it is refused before any trigger
    /// runs). The head row (<c>ledger_head</c>) still moves with each append: it is derived, and
    /// verification checks it against the last entry. Run after any migration that rewrites rows.
    /// </summary>
    private const string AppendOnlyDdl = """
        create or replace function audit.refuse_change() returns trigger language plpgsql as $$
        begin
            raise exception 'audit.% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
        end
        $$;
        do $$
        declare t text;
        begin
            foreach t in array array['ledger', 'ledger_key', 'ledger_tree', 'checkpoint', 'checkpoint_cosignature'] loop
                execute format('create or replace trigger %I before update or delete on audit.%I for each row execute function audit.refuse_change()', t || '_append_only', t);
                execute format('create or replace trigger %I before truncate on audit.%I for each statement execute function audit.refuse_change()', t || '_no_truncate', t);
                execute format('revoke update, delete, truncate on audit.%I from public, current_user', t);
                execute format('grant select, insert on audit.%I to current_user', t);
            end loop;
        end
        $$;
        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Creates the tables once per process; several processes may race, the advisory lock serialises them.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created) return;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (created) return;
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(7400400001)", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand(Ddl, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (await HasDataColumnAsync(connection, transaction, cancellationToken))
            {
                var migrated = await MigrateToCanonicalAsync(connection, transaction, cancellationToken);
                LogMigrated(logger ?? NullLogger<LedgerDatabase>.Instance, migrated);
            }

            await using (var tree = new NpgsqlCommand(LedgerTreeStore.Ddl + Checkpoints.CheckpointStore.Ddl + Transparency.TransparencyProjection.Ddl + AppendOnlyDdl, connection, transaction))
            {
                await tree.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // In a transaction of its own that takes the head lock first, as appends do: DDL above
            // locks the ledger table, and holding that while waiting for the head would deadlock
            // with an append of another instance.
            await using (var build = await connection.BeginTransactionAsync(cancellationToken))
            {
                var leaves = await BuildTreeAsync(connection, build, cancellationToken);
                await build.CommitAsync(cancellationToken);
                if (leaves > 0) LogTreeBuilt(logger ?? NullLogger<LedgerDatabase>.Instance, leaves);
            }

            created = true;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<bool> HasDataColumnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select exists (select 1 from information_schema.columns where table_schema = 'audit' and table_name = 'ledger' and column_name = 'data')
               and not exists (select 1 from information_schema.columns where table_schema = 'audit' and table_name = 'ledger' and column_name = 'canonical')
            """,
            connection,
            transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// A ledger written before the entries' canonical bytes were stored (<c>data jsonb</c>, no
    /// <c>canonical</c>) gets them, written from the old columns exactly as the old verification
    /// recomputed them: the hashes stay what they were, so a row edited before the migration still
    /// fails verification after it. Then <c>data</c> goes. Runs in the caller's transaction.
    /// </summary>
    private static async Task<long> MigrateToCanonicalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var add = new NpgsqlCommand("alter table audit.ledger add column canonical bytea", connection, transaction))
        {
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        long migrated = 0;
        var after = long.MinValue;
        while (true)
        {
            var sequences = new List<long>(MigrationBatch);
            var canonicals = new List<byte[]>(MigrationBatch);
            await using (var page = new NpgsqlCommand(
                """
                select sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, data::text from audit.ledger
                where sequence > @after order by sequence limit @limit
                """,
                connection,
                transaction))
            {
                page.Parameters.AddWithValue("after", after);
                page.Parameters.AddWithValue("limit", MigrationBatch);
                await using var reader = await page.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    using var data = JsonDocument.Parse(reader.GetString(7));
                    sequences.Add(reader.GetInt64(0));
                    canonicals.Add(CanonicalEntry.Of(
                        reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), data.RootElement));
                }
            }

            if (sequences.Count == 0) break;
            await using (var update = new NpgsqlCommand(
                "update audit.ledger l set canonical = v.canonical from unnest(@sequences, @canonicals) as v(sequence, canonical) where l.sequence = v.sequence",
                connection,
                transaction))
            {
                update.Parameters.AddWithValue("sequences", sequences.ToArray());
                update.Parameters.Add(new NpgsqlParameter("canonicals", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = canonicals.ToArray() });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            migrated += sequences.Count;
            after = sequences[^1];
        }

        await using (var finish = new NpgsqlCommand("alter table audit.ledger alter column canonical set not null, drop column data", connection, transaction))
        {
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        return migrated;
    }

    /// <summary>
    /// A ledger written before the Merkle tree existed gets its leaves and subtree hashes, under the
    /// head lock so that no append runs meanwhile. Nothing to do when the tree is complete.
    /// </summary>
    private static async Task<long> BuildTreeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        long head;
        await using (var lockHead = new NpgsqlCommand("select sequence from audit.ledger_head where id = 1 for update", connection, transaction))
        {
            head = (long)(await lockHead.ExecuteScalarAsync(cancellationToken))!;
        }

        return await LedgerTreeStore.CatchUpAsync(connection, transaction, head, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the ledger's Merkle tree over {Leaves} existing entries (issue 19)")]
    private static partial void LogTreeBuilt(ILogger logger, long leaves);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated {Rows} ledger rows from data jsonb to their stored canonical bytes (ADR 0004, amended 2026-11-26); no hash changed")]
    private static partial void LogMigrated(ILogger logger, long rows);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }
}
