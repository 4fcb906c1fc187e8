namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Editing, deleting or reordering rows with plain SQL, as someone with database access could, is
/// found by verification, which names the first bad sequence. Each test has a database of its own.
/// </summary>
public sealed class TamperingTests() : OwnLedgerDatabase("audit_tamper")
{
    protected override async Task InitializedAsync()
    {
        var writer = new LedgerWriter(new LedgerDatabase(DataSource), TimeProvider.System);
        for (var i = 1; i <= 5; i++)
        {
            await writer.AppendAsync(Event(i), CancellationToken.None);
        }
    }

    /// <summary>The ledger's tables refuse UPDATE and DELETE by trigger; only a superuser can switch that off (issue 19).</summary>
    private const string SuperuserTamper = "set session_replication_role = replica; ";

    private async Task<VerificationResult> VerifyAfterAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        if (sql.Length > 0)
        {
            // As a superuser who switches the ledger's append-only triggers off first: the attack the chain must still reveal.
            await using var tamper = new NpgsqlCommand(SuperuserTamper + sql, connection);
            await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return await LedgerVerifier.VerifyAsync(connection, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Untouched_ledger_is_valid()
    {
        var result = await VerifyAfterAsync(string.Empty);

        Assert.Equal((true, 5L, (long?)null), (result.Valid, result.Entries, result.FirstInvalidSequence));
    }

    [Theory]
    [InlineData("replace(convert_from(canonical, 'UTF8'), 'school-support', 'gp-register')")] // the data
    [InlineData("replace(convert_from(canonical, 'UTF8'), 'a', 'b')")] // data and tail alike
    [InlineData("replace(convert_from(canonical, 'UTF8'), '\"yc-3\"', '\"yc-9\"')")] // the tail only: the subject as hashed, not its column
    [InlineData("replace(convert_from(canonical, 'UTF8'), '{\"data\":', '{\"data\": ')")] // one space: the same JSON, other bytes
    public async Task Edited_canonical_bytes_are_found_at_their_sequence(string edited) =>
        Assert.Equal(3, (await VerifyAfterAsync($"update audit.ledger set canonical = convert_to({edited}, 'UTF8') where sequence = 3")).FirstInvalidSequence);

    [Fact]
    public async Task Column_and_bytes_edited_alike_are_found_by_the_hash() =>
        Assert.Equal(3, (await VerifyAfterAsync(
            """
            update audit.ledger set subject_id = 'yc-9', canonical = convert_to(replace(convert_from(canonical, 'UTF8'), '"yc-3"', '"yc-9"'), 'UTF8')
            where sequence = 3
            """)).FirstInvalidSequence);

    [Theory]
    [InlineData("subject_id = 'yc-someone-else'")]
    [InlineData("subject_id = null")]
    [InlineData("event_type = 'ConsentWithdrawn'")]
    [InlineData("source = 'disclosure'")]
    [InlineData("event_id = gen_random_uuid()")]
    [InlineData("occurred_at = occurred_at - interval '1 day'")]
    [InlineData("recorded_at = recorded_at + interval '1 microsecond'")]
    public async Task Edited_column_is_found_at_its_sequence(string assignment) =>
        Assert.Equal(2, (await VerifyAfterAsync($"update audit.ledger set {assignment} where sequence = 2")).FirstInvalidSequence);

    [Fact]
    public async Task Edit_that_recomputes_the_rows_own_hash_is_still_found_by_the_next_link()
    {
        // Rewrite row 2 and give it a correct-looking hash of its own: row 3 no longer chains to it.
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var row = await ReadAsync(connection, 2);
        using var forged = JsonDocument.Parse("""{"n":2,"purpose":"forged"}""");
        var canonical = CanonicalEntry.Of(2, row.EventId, row.EventType, row.Source, row.SubjectId, row.OccurredAt, row.RecordedAt, forged.RootElement);
        await using (var update = new NpgsqlCommand(SuperuserTamper + "update audit.ledger set canonical = @canonical, hash = @hash where sequence = 2", connection))
        {
            update.Parameters.AddWithValue("canonical", canonical);
            update.Parameters.AddWithValue("hash", LedgerHash.Compute(row.PreviousHash, canonical));
            await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var result = await LedgerVerifier.VerifyAsync(connection, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task Deleted_row_is_found_at_its_sequence()
    {
        var result = await VerifyAfterAsync("delete from audit.ledger where sequence = 3");

        Assert.Equal((false, 4L, (long?)3), (result.Valid, result.Entries, result.FirstInvalidSequence));
    }

    [Fact]
    public async Task Deleted_last_row_is_found_against_the_head() =>
        Assert.Equal(5, (await VerifyAfterAsync("delete from audit.ledger where sequence = 5")).FirstInvalidSequence);

    [Fact]
    public async Task Reordered_rows_are_found_at_the_first_moved_sequence() =>
        Assert.Equal(2, (await VerifyAfterAsync(
            """
            update audit.ledger set sequence = -4 where sequence = 4;
            update audit.ledger set sequence = 4 where sequence = 2;
            update audit.ledger set sequence = 2 where sequence = -4;
            """)).FirstInvalidSequence);

    [Fact]
    public async Task Swapped_contents_of_two_rows_are_found_at_the_first()
    {
        var result = await VerifyAfterAsync(
            """
            update audit.ledger a set canonical = b.canonical from audit.ledger b
            where (a.sequence, b.sequence) in ((2, 4), (4, 2));
            """);

        Assert.Equal(2, result.FirstInvalidSequence);
    }

    private static async Task<LedgerEntry> ReadAsync(NpgsqlConnection connection, long sequence)
    {
        await using var command = new NpgsqlCommand("select event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash from audit.ledger where sequence = @s", connection);
        command.Parameters.AddWithValue("s", sequence);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return new LedgerEntry(sequence, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), (byte[])reader[6], (byte[])reader[7], (byte[])reader[8]);
    }
}
