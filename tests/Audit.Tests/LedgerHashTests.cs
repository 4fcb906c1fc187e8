namespace ConsentPlatform.Audit.Tests;

public sealed class LedgerHashTests
{
    private static readonly Guid EventId = Guid.Parse("0195b5e4-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset OccurredAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static byte[] Hash(string data, byte[]? previous = null, long sequence = 1, string? subjectId = "yc-1", DateTimeOffset? occurredAt = null)
    {
        using var document = JsonDocument.Parse(data);
        var canonical = CanonicalEntry.Of(sequence, EventId, "ConsentGranted", "consent", subjectId, occurredAt ?? OccurredAt, OccurredAt.AddSeconds(1), document.RootElement);
        return LedgerHash.Compute(previous ?? LedgerHash.Genesis, canonical);
    }

    [Fact]
    public void Given_an_entry_When_hashed_Then_it_is_sha256_of_the_previous_hash_then_the_canonical_entry()
    {
        var previous = SHA256.HashData("earlier"u8.ToArray());
        var canonical = """{"data":{"a":1,"b":"x"},"eventId":"0195b5e4-0000-7000-8000-000000000001","eventType":"ConsentGranted","occurredAt":"2025-03-01T09:00:00.000000Z","recordedAt":"2025-03-01T09:00:01.000000Z","sequence":7,"source":"consent","subjectId":"yc-1"}""";

        var expected = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(canonical)]);

        Assert.Equal(expected, Hash("""{"b":"x","a":1}""", previous, sequence: 7));
    }

    [Fact]
    public void Given_data_with_members_in_another_order_When_hashed_Then_the_same_hash() =>
        Assert.Equal(Hash("""{"purpose":"p","subjectId":"yc-1"}"""), Hash("""{ "subjectId": "yc-1", "purpose": "p" }"""));

    [Fact]
    public void Given_one_changed_value_When_hashed_Then_another_hash() =>
        Assert.NotEqual(Hash("""{"purpose":"p"}"""), Hash("""{"purpose":"q"}"""));

    [Fact]
    public void Given_another_previous_hash_or_sequence_or_subject_When_hashed_Then_another_hash()
    {
        var hash = Hash("{}");

        Assert.NotEqual(hash, Hash("{}", previous: SHA256.HashData("x"u8.ToArray())));
        Assert.NotEqual(hash, Hash("{}", sequence: 2));
        Assert.NotEqual(hash, Hash("{}", subjectId: null));
    }

    [Fact]
    public void Given_one_instant_in_two_offsets_When_hashed_Then_the_same_hash() =>
        Assert.Equal(Hash("{}"), Hash("{}", occurredAt: OccurredAt.ToOffset(TimeSpan.FromHours(-5))));

    [Fact]
    public void Given_an_instant_below_a_microsecond_When_hashed_Then_it_hashes_as_postgresql_stores_it() =>
        Assert.Equal(Hash("{}", occurredAt: OccurredAt.AddTicks(10)), Hash("{}", occurredAt: OccurredAt.AddTicks(17)));

    [Fact]
    public void Given_the_first_entry_When_chained_Then_it_chains_to_32_zero_bytes() =>
        Assert.Equal(new string('0', 64), LedgerHash.Hex(LedgerHash.Genesis));
}
