namespace ConsentPlatform.Audit.Tests;

public sealed class CanonicalFormTests
{
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.ToBytes(document.RootElement));
    }

    [Fact]
    public void Given_the_same_members_in_another_order_and_spacing_When_made_canonical_Then_the_bytes_are_equal()
    {
        var a = """{"subjectId":"yc-1","purpose":"school-support","actor":{"role":"YoungCarer","orgId":null,"userId":"u"},"version":1}""";
        var b = """
            {
              "version" : 1,
              "actor": { "userId": "u", "orgId": null, "role": "YoungCarer" },
              "purpose": "school-support",
              "subjectId": "yc-1"
            }
            """;

        Assert.Equal(Canonical(a), Canonical(b));
        Assert.Equal("""{"actor":{"orgId":null,"role":"YoungCarer","userId":"u"},"purpose":"school-support","subjectId":"yc-1","version":1}""", Canonical(a));
    }

    [Fact]
    public void Given_members_whose_names_differ_in_case_When_sorted_Then_ordinal_order_puts_upper_case_first() =>
        Assert.Equal("""{"B":1,"a":2,"b":3}""", Canonical("""{"b":3,"a":2,"B":1}"""));

    [Fact]
    public void Given_arrays_When_made_canonical_Then_their_order_is_kept() =>
        Assert.Equal("""["b","a"]""", Canonical("""[ "b", "a" ]"""));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("1.50", "1.5")]
    [InlineData("15e-1", "1.5")]
    [InlineData("1e2", "100")]
    [InlineData("100.000", "100")]
    public void Given_one_number_written_differently_When_made_canonical_Then_one_form(string raw, string expected) =>
        Assert.Equal(expected, Canonical(raw));

    [Fact]
    public void Given_escaped_and_literal_forms_of_one_string_When_made_canonical_Then_one_form()
    {
        Assert.Equal(Canonical("\"caf\\u00e9 \\/ \\\"q\\\"\""), Canonical("\"café / \\\"q\\\"\""));
        Assert.Equal("\"line\\nbreak\\u0001\"", Canonical("\"line\\nbreak\\u0001\""));
    }

    [Fact]
    public void Given_a_member_twice_When_made_canonical_Then_refused() =>
        Assert.Throws<FormatException>(() => Canonical("""{"a":1,"a":2}"""));

    [Fact]
    public void Given_the_output_When_made_canonical_again_Then_unchanged()
    {
        var once = Canonical("""{"z":[1,{"y":"é","x":null}],"a":true}""");
        Assert.Equal(once, Canonical(once));
        Assert.Equal(Encoding.UTF8.GetBytes(once), JsonDocumentBytes(once));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("fr-CH")]
    public void Given_another_culture_When_hashed_Then_the_hash_is_the_invariant_one(string culture)
    {
        var expected = HashOf(CultureInfo.InvariantCulture);

        Assert.Equal(expected, HashOf(CultureInfo.GetCultureInfo(culture)));
    }

    private static string HashOf(CultureInfo culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            using var data = JsonDocument.Parse("""{"retentionDays":365,"ratio":1.25,"title":"İstanbul ıi","at":"2025-03-01T09:00:00+00:00"}""");
            var occurredAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
            var canonical = CanonicalEntry.Of(1234567, Guid.Parse("0195b5e4-0000-7000-8000-000000000001"), "DsaDrafted", "dsa-registry", null, occurredAt, occurredAt.AddSeconds(1), data.RootElement);
            return LedgerHash.Hex(LedgerHash.Compute(LedgerHash.Genesis, canonical));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static byte[] JsonDocumentBytes(string canonical)
    {
        using var document = JsonDocument.Parse(canonical);
        return CanonicalJson.ToBytes(document.RootElement);
    }
}
