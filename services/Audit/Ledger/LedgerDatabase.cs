using Npgsql;

namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The ledger's tables in the service's own database (schema <c>audit</c>), created on first use:
/// <list type="bullet">
/// <item><c>ledger</c>: one row per event, <c>sequence</c> the primary key, <c>event_id</c> unique.</item>
/// <item><c>ledger_head</c>: one row, the last sequence and hash. Every append locks it
/// (<c>SELECT … FOR UPDATE</c>), which gives the chain one order across instances; verification
/// compares it with the last row, so that cutting entries off the end is found too.</item>
/// <item><c>ledger_key</c>: (key, sequence) pairs such as <c>subject:yc-1</c>, <c>org:school-1</c>,
/// <c>purpose:school-support</c>, <c>disclosure:…</c>; the index every filtered page and every
/// replay reads. Derived from the entries, so not part of the hash.</item>
/// </list>
/// See docs/adr/0004-audit-ledger-storage.md.
/// </summary>
public sealed class LedgerDatabase(NpgsqlDataSource dataSource)
{
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
            data          jsonb       not null,
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

            await transaction.CommitAsync(cancellationToken);
            created = true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }
}
