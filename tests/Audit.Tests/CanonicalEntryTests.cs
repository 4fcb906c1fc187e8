namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// The stored canonical bytes are byte for byte what the ledger hashed before they were stored
/// (<see cref="LegacyCanonicalForm"/>), so no hash of an existing or migrated ledger changes; and
/// the data reads back from them.
/// </summary>
public sealed class CanonicalEntryTests
{
    private static readonly Guid EventId = Guid.Parse("0195b5e4-0000-7000-8000-000000000001");

    [Fact]
    public void Given_an_entry_hashed_before_the_bytes_were_stored_When_written_now_Then_the_same_bytes_and_hash()
    {
        // Bytes and hash as printed by the ledger's code before the change.
        const string Expected = """{"data":{"at":"2025-03-01T09:00:00+00:00","n":[1.5,0,100,null,true,{"":3,"B":2,"b":1}],"q":"\"a\"\\b\n\u0001 é 👍","ratio":1.25,"retentionDays":365,"title":"İstanbul ıi"},"eventId":"0195b5e4-0000-7000-8000-000000000001","eventType":"DsaDrafted","occurredAt":"2025-03-01T07:00:00.123456Z","recordedAt":"2025-03-01T07:00:01.123456Z","sequence":1234567,"source":"dsa-registry","subjectId":"yc-\"1\""}""";
        using var data = JsonDocument.Parse("""{"retentionDays":365,"ratio":1.25,"title":"İstanbul ıi","at":"2025-03-01T09:00:00+00:00","q":"\"a\"\\b\n\u0001 é 👍","n":[1.50,-0,1e2,null,true,{"b":1,"B":2,"":3}]}""");
        var occurredAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        var canonical = CanonicalEntry.Of(1234567, EventId, "DsaDrafted", "dsa-registry", "yc-\"1\"", occurredAt, occurredAt.AddSeconds(1), data.RootElement);

        Assert.Equal(Expected, Encoding.UTF8.GetString(canonical));
        Assert.Equal("5d88f20c5edd624e7ae7d27e60229e47bca3a1639ac88a5ec87ddf1281a740dd", LedgerHash.Hex(LedgerHash.Compute(LedgerHash.Genesis, canonical)));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("\"just a string\"")]
    [InlineData("""-12.500e3""")]
    [InlineData("""{"a":{"b":{"c":[[[],{}],[{"d":null}]]}}}""")]
    [InlineData("""{"\uE000":1,"😀":2,"\uFFFF":3,"z":4}""")] // ordinal UTF-16 order: a surrogate pair sorts before U+E000, unlike UTF-8 byte order
    [InlineData("""{"\u0061":1,"b\"q":2,"c\\d":3,"e\/f":4,"\u00e9":5,"é2":6}""")]
    [InlineData("""{"n":[0,-0,-0.0,1,-1,9223372036854775807,-9223372036854775808,9223372036854775808,123456789012345678,1234567890123456789,0.1,1.000,15e-1,1E+2,1e-7,123456789012345678901234567890,1e400]}""")]
    [InlineData("""{"s":"\u0000\u001f\u007f\u0080\u2028\u2029\uFEFF\ud83d\ude00 \/ \b\f\n\r\t"}""")]
    [InlineData("""{"x":{"eventId":"not the tail","y":",\"eventId\":\""},"eventId":"inside data"}""")]
    public void Given_tricky_data_When_written_Then_the_legacy_bytes(string json) => AssertSameAsLegacy(json, "ConsentGranted", "consent", "yc-1");

    [Theory]
    [InlineData("Type\"with\\quotes", "sou\nrce", null)]
    [InlineData("Événement", "源", "yc-😀-\u0001")]
    public void Given_tricky_columns_When_written_Then_the_legacy_bytes(string eventType, string source, string? subjectId) =>
        AssertSameAsLegacy("""{"a":1}""", eventType, source, subjectId);

    [Fact]
    public void Given_thousands_of_random_documents_and_columns_When_written_Then_each_is_the_legacy_bytes()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 3000; i++)
        {
            var json = RandomJson(random, 0);
            var occurredAt = RandomInstant(random);
            var eventType = RandomText(random, allowControl: true);
            var source = RandomText(random, allowControl: true);
            var subjectId = random.Next(4) == 0 ? null : RandomText(random, allowControl: true);
            var sequence = random.Next(3) switch { 0 => random.NextInt64(), 1 => -random.NextInt64(1, 100), _ => random.Next(1, 1_000_000) };
            var eventId = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());
            var recordedAt = occurredAt.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay));
            using var data = JsonDocument.Parse(json);

            var expected = LegacyCanonicalForm.Entry(sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt, data.RootElement);
            var actual = CanonicalEntry.Of(sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt, data.RootElement);

            Assert.True(expected.AsSpan().SequenceEqual(actual), $"differs for {json}\nlegacy {Encoding.UTF8.GetString(expected)}\nnew    {Encoding.UTF8.GetString(actual)}");
        }
    }

    [Fact]
    public void Given_a_lone_surrogate_escaped_in_the_data_When_written_Then_refused_as_before()
    {
        using var data = JsonDocument.Parse("""{"s":"\ud800x"}""");

        Assert.ThrowsAny<JsonException>(() => LegacyCanonicalForm.Entry(1, EventId, "T", "s", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, data.RootElement));
        Assert.ThrowsAny<InvalidOperationException>(() => CanonicalEntry.Of(1, EventId, "T", "s", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, data.RootElement));
    }

    [Fact]
    public void Given_a_member_twice_When_written_Then_refused() =>
        Assert.Throws<FormatException>(() => Of("""{"a":1,"\u0061":2}"""));

    [Theory]
    [InlineData("""{"purpose":"p","n":1.50}""", """{"n":1.5,"purpose":"p"}""")]
    [InlineData("""{"x":{"eventId":"e","y":",\"eventId\":\""},"eventId":"d"}""", """{"eventId":"d","x":{"eventId":"e","y":",\"eventId\":\""}}""")]
    [InlineData("""null""", """null""")]
    public void Given_canonical_bytes_When_the_data_is_read_Then_it_is_the_canonical_data(string json, string expected)
    {
        var canonical = CanonicalEntry.Of(7, EventId, "E", ",\"eventId\":\"", ",\"eventId\":\"", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Parse(json));

        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalEntry.DataOf(canonical).Span));
        using var data = CanonicalEntry.ParseData(canonical);
        Assert.Equal(expected, data.RootElement.GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"data":1}""")]
    [InlineData("""{"eventId":"x","data":1}""")]
    public void Given_bytes_that_are_not_an_entry_When_the_data_is_read_Then_refused(string text) =>
        Assert.Throws<FormatException>(() => CanonicalEntry.DataOf(Encoding.UTF8.GetBytes(text)));

    private static void AssertSameAsLegacy(string json, string eventType, string source, string? subjectId)
    {
        using var data = JsonDocument.Parse(json);
        var occurredAt = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(-11)).AddTicks(1234567);
        var expected = LegacyCanonicalForm.Entry(42, EventId, eventType, source, subjectId, occurredAt, occurredAt, data.RootElement);

        var actual = CanonicalEntry.Of(42, EventId, eventType, source, subjectId, occurredAt, occurredAt, data.RootElement);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    private static byte[] Of(string json) => CanonicalEntry.Of(1, EventId, "T", "s", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Parse(json));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static DateTimeOffset RandomInstant(Random random)
    {
        var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
        var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay * 2);
        return new DateTimeOffset(ticks, offset);
    }

    private static readonly string[] Pieces =
    [
        "a", "b", "Z", "_", "0", "9", " ", "é", "İ", "ı", "ß", "\u00a0", "\u2028", "\ufeff", "\ue000", "\uffff", "\ufffd", "源",
        "😀", "👍🏽", "\"", "\\", "/", "\u007f", "\u0080", "eventId", "data", ",\"eventId\":\"",
    ];

    private static readonly string[] Controls = ["\n", "\r", "\t", "\b", "\f", "\u0000", "\u0001", "\u001f"];

    private static string RandomText(Random random, bool allowControl)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 8);
        for (var i = 0; i < length; i++)
        {
            text.Append(allowControl && random.Next(8) == 0 ? Controls[random.Next(Controls.Length)] : Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A JSON string for <paramref name="value"/>, escaped in one of the many ways JSON allows.</summary>
    private static string Quote(string value, Random random)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var hex = ((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture);
            if (char.IsHighSurrogate(c))
            {
                // A pair is escaped whole or not at all: half of it alone is no text.
                var low = value[++i];
                if (random.Next(3) == 0) text.Append("\\u").Append(hex).Append("\\u").Append(((int)low).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c).Append(low);
                continue;
            }

            switch (c)
            {
                case '"': text.Append(random.Next(3) == 0 ? "\\u0022" : "\\\""); break;
                case '\\': text.Append(random.Next(3) == 0 ? "\\u005c" : "\\\\"); break;
                case '\n': text.Append(random.Next(2) == 0 ? "\\n" : "\\u000a"); break;
                case '/': text.Append(random.Next(2) == 0 ? "\\/" : "/"); break;
                default:
                    if (c < 0x20 || random.Next(6) == 0) text.Append("\\u").Append(hex);
                    else text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static readonly string[] Numbers =
    [
        "0", "-0", "-0.0", "0.10", "1.50", "15e-1", "1E+2", "100.000", "1e-7", "-3.25e2", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "123456789012345678", "1234567890123456789", "123456789012345678901234567890", "1e400", "2.5E-400",
        "0.1234567890123456789012345678901", "79228162514264337593543950335", "79228162514264337593543950336",
    ];

    private static string RandomNumber(Random random) => random.Next(3) switch
    {
        0 => Numbers[random.Next(Numbers.Length)],
        1 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        _ => (random.NextDouble() * Math.Pow(10, random.Next(-8, 12))).ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Space(Random random) => random.Next(4) == 0 ? new[] { " ", "\n  ", "\t", "\r\n" }[random.Next(4)] : string.Empty;

    private static string RandomJson(Random random, int depth)
    {
        switch (random.Next(depth >= 4 ? 4 : 8))
        {
            case 0: return RandomNumber(random);
            case 1: return Quote(RandomText(random, allowControl: true), random);
            case 2: return new[] { "true", "false", "null" }[random.Next(3)];
            case 3: return Quote(RandomText(random, allowControl: false), random);
            case 4 or 5 or 6:
                var names = new HashSet<string>(StringComparer.Ordinal);
                var members = new List<string>();
                for (var i = random.Next(0, 7); i > 0; i--)
                {
                    var name = RandomText(random, allowControl: random.Next(5) == 0);
                    if (names.Add(name)) members.Add($"{Space(random)}{Quote(name, random)}{Space(random)}:{Space(random)}{RandomJson(random, depth + 1)}{Space(random)}");
                }

                return "{" + string.Join(',', members) + "}";
            default:
                var items = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Space(random) + RandomJson(random, depth + 1) + Space(random));
                return "[" + string.Join(',', items) + "]";
        }
    }
}
