namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// The verification rule on rows in memory: a row extends the chain only if its previous hash, its
/// stored bytes, every column and its hash all agree; any single change is refused.
/// </summary>
public sealed class LedgerChainTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Row(long Sequence, Guid EventId, string EventType, string Source, string? SubjectId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, byte[] Canonical, byte[] PreviousHash, byte[] Hash);

    private static List<Row> Ledger(int count)
    {
        var rows = new List<Row>();
        var previous = LedgerHash.Genesis;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            using var data = JsonDocument.Parse($$"""{"n":{{sequence}},"purpose":"school-support"}""");
            var (eventId, occurredAt, recordedAt) = (Guid.NewGuid(), T0.AddMinutes(sequence), T0.AddMinutes(sequence).AddTicks(1230));
            var canonical = CanonicalEntry.Of(sequence, eventId, "ConsentGranted", "consent", $"yc-{sequence}", occurredAt, recordedAt, data.RootElement);
            var hash = LedgerHash.Compute(previous, canonical);
            rows.Add(new Row(sequence, eventId, "ConsentGranted", "consent", $"yc-{sequence}", occurredAt, recordedAt, canonical, previous, hash));
            previous = hash;
        }

        return rows;
    }

    /// <summary>The place (1, 2, …) of the first row that does not extend the chain, or null.</summary>
    private static long? FirstRefused(IReadOnlyList<Row> rows)
    {
        using var chain = new LedgerChain();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (!chain.Extend(r.Sequence, r.EventId, r.EventType, r.Source, r.SubjectId, r.OccurredAt, r.RecordedAt, r.Canonical, r.PreviousHash, r.Hash)) return i + 1;
        }

        return null;
    }

    private static List<Row> With(List<Row> rows, int index, Func<Row, Row> change)
    {
        var copy = rows.ToList();
        copy[index] = change(copy[index]);
        return copy;
    }

    [Fact]
    public void Given_untouched_rows_When_chained_Then_every_row_extends_the_chain_to_the_last_hash()
    {
        var rows = Ledger(4);
        using var chain = new LedgerChain();

        Assert.All(rows, r => Assert.True(chain.Extend(r.Sequence, r.EventId, r.EventType, r.Source, r.SubjectId, r.OccurredAt, r.RecordedAt, r.Canonical, r.PreviousHash, r.Hash)));
        Assert.Equal(rows[^1].Hash, chain.Head.ToArray());
    }

    public static TheoryData<string> Edits => ["eventId", "eventType", "source", "subjectId", "subjectId null", "occurredAt", "recordedAt", "sequence", "canonical data", "canonical tail", "previousHash", "hash"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Given_one_edited_column_or_byte_When_chained_Then_that_row_is_refused(string edit)
    {
        var rows = Ledger(4);
        Row Edit(Row r) => edit switch
        {
            "eventId" => r with { EventId = Guid.NewGuid() },
            "eventType" => r with { EventType = "ConsentWithdrawn" },
            "source" => r with { Source = "disclosure" },
            "subjectId" => r with { SubjectId = "yc-someone-else" },
            "subjectId null" => r with { SubjectId = null },
            "occurredAt" => r with { OccurredAt = r.OccurredAt.AddTicks(10) },
            "recordedAt" => r with { RecordedAt = r.RecordedAt.AddDays(-1) },
            "sequence" => r with { Sequence = 9 },
            "canonical data" => r with { Canonical = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(r.Canonical).Replace("school", "schoal", StringComparison.Ordinal)) },
            "canonical tail" => r with { Canonical = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(r.Canonical).Replace("yc-3", "yc-4", StringComparison.Ordinal)) },
            "previousHash" => r with { PreviousHash = LedgerHash.Genesis },
            _ => r with { Hash = LedgerHash.Genesis },
        };

        Assert.Equal(3, FirstRefused(With(rows, 2, Edit)));
    }

    [Fact]
    public void Given_bytes_rehashed_after_an_edit_When_chained_Then_the_next_row_is_refused()
    {
        var rows = Ledger(4);
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(rows[1].Canonical).Replace("school", "forged", StringComparison.Ordinal));

        Assert.Equal(3, FirstRefused(With(rows, 1, r => r with { Canonical = forged, Hash = LedgerHash.Compute(r.PreviousHash, forged) })));
    }

    [Fact]
    public void Given_the_bytes_of_another_row_When_chained_Then_refused_even_with_that_rows_hashes()
    {
        var rows = Ledger(4);

        Assert.Equal(2, FirstRefused(With(rows, 1, r => r with { Canonical = rows[2].Canonical })));
        Assert.Equal(2, FirstRefused(With(rows, 1, r => rows[2] with { Sequence = 2 })));
    }

    [Fact]
    public void Given_data_cut_away_from_the_bytes_When_chained_Then_refused()
    {
        var rows = Ledger(2);
        var text = Encoding.UTF8.GetString(rows[0].Canonical);
        var tailOnly = Encoding.UTF8.GetBytes("{\"data\":" + text[text.IndexOf(",\"eventId\"", StringComparison.Ordinal)..]);

        Assert.Equal(1, FirstRefused(With(rows, 0, r => r with { Canonical = tailOnly, Hash = LedgerHash.Compute(r.PreviousHash, tailOnly) })));
    }

    [Fact]
    public void Given_the_stored_bytes_When_hashed_by_any_sha256_tool_Then_the_stored_hash() =>
        Assert.All(Ledger(3), r => Assert.Equal(r.Hash, System.Security.Cryptography.SHA256.HashData([.. r.PreviousHash, .. r.Canonical])));
}
