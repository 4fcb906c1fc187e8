namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// The one text rule of services/Hosting (<see cref="FreeText"/>), the JSON options that apply
/// it to every request body (<see cref="PlatformJson"/>: the string converter, no field twice)
/// and the problem text that never repeats a control character. Tested here, beside the tests
/// of the shared <see cref="FieldErrors"/>, because the consent service is one of its users.
/// </summary>
public sealed class FreeTextTests
{
    public static TheoryData<char> RefusedControls()
    {
        var data = new TheoryData<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\r' or '\n')) data.Add(c);
        }

        return data;
    }

    [Theory]
    [InlineData("")]
    [InlineData("Checked by the practitioner")]
    [InlineData("Line one\r\nline two\tindented")]
    [InlineData("Zoë's carer — 🙂 both halves of a surrogate pair")]
    [InlineData("\u007f and \u0085 are not C0")]
    public void Text_without_C0_controls_or_lone_surrogates_is_acceptable(string text)
    {
        Assert.True(FreeText.IsAcceptable(text));
        Assert.Equal(-1, FreeText.IndexOfRefused(text));
    }

    [Theory]
    [MemberData(nameof(RefusedControls))]
    public void Every_C0_control_but_tab_CR_and_LF_is_refused(char control) =>
        Assert.Equal(6, FreeText.IndexOfRefused($"reason{control}x"));

    // Lone surrogates are written as escapes and unescaped in the test: an attribute cannot hold one.
    [Theory]
    [InlineData(@"a\ud800", 1)]
    [InlineData(@"a\ud800b", 1)]
    [InlineData(@"a\udc00b", 1)]
    [InlineData(@"\udc00\ud800", 0)]
    [InlineData(@"\ud83d\ude42\ud83d", 2)]
    public void An_unpaired_surrogate_is_refused_where_it_stands(string text, int index) =>
        Assert.Equal(index, FreeText.IndexOfRefused(Regex.Unescape(text)));

    [Theory]
    [InlineData("caring.role\n", "caring.role\\u000A")]
    [InlineData("a\u0000b", "a\\u0000b")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("del\u007f c1\u0085", "del\\u007F c1\\u0085")]
    [InlineData(@"lone\ud800", "lone\\uD800")]
    [InlineData(@"pair \ud83d\ude42 kept", "pair 🙂 kept")]
    public void Printable_writes_every_control_and_lone_surrogate_as_an_escape(string text, string printable) =>
        Assert.Equal(printable, FreeText.Printable(text.Contains(@"\u", StringComparison.Ordinal) ? Regex.Unescape(text) : text));

    [Fact]
    public void Printable_text_is_returned_as_it_is() =>
        Assert.Same("plain", FreeText.Printable("plain"));

    [Theory]
    [InlineData("""{"subjectId":"yc-1\u0000","givenBy":"self"}""", "$.subjectId")]
    [InlineData("""{"subjectId":"yc-1\u001b[31m","givenBy":"self"}""", "$.subjectId")]
    [InlineData("""{"subjectId":"yc-1","dataCategories":["caring.role","x\ud800"]}""", "$.dataCategories[1]")]
    [InlineData("""{"subjectId":"\udc00"}""", "$.subjectId")]
    public void A_body_string_that_breaks_the_rule_is_refused_with_its_path(string json, string path)
    {
        var error = Assert.Throws<RefusedTextException>(() => JsonSerializer.Deserialize<GrantConsentRequest>(json, PlatformJson.Options));

        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""{"sub\ud800jectId":"yc-1"}""")]
    [InlineData("""{"subject\u0000Id":"yc-1"}""")]
    public void A_field_name_that_is_not_text_is_an_unknown_field_not_a_server_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<GrantConsentRequest>(json, PlatformJson.Options));

    [Fact]
    public void Tab_CR_and_LF_in_a_body_string_are_read_as_they_are()
    {
        var request = JsonSerializer.Deserialize<GrantConsentRequest>("""{"purpose":"a\tb\r\nc"}""", PlatformJson.Options);

        Assert.Equal("a\tb\r\nc", request!.Purpose);
    }

    [Fact]
    public void A_number_where_a_string_belongs_is_still_the_ordinary_wrong_type_error()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<GrantConsentRequest>("""{"subjectId":42}""", PlatformJson.Options));

        Assert.IsNotType<RefusedTextException>(error);
        Assert.Equal("$.subjectId", error.Path);
    }

    [Theory]
    [InlineData("""{"givenBy":"parent","givenBy":"self"}""", "$.givenBy")]
    [InlineData("""{"purpose":"a","Purpose":"b"}""", "$.Purpose")]
    [InlineData("""{"dataCategories":["a"],"subjectId":"yc-1","dataCategories":["b"]}""", "$.dataCategories")]
    public void A_field_given_twice_is_refused_not_last_one_wins(string json, string path)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<GrantConsentRequest>(json, PlatformJson.Options));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void The_options_still_write_strings_unchanged() =>
        Assert.Equal("""{"subjectId":"yc-1","purpose":"a\nb"}""", JsonSerializer.Serialize(new GrantConsentRequest("yc-1", "a\nb", null, null, null, null), PlatformJson.Options));

    [Fact]
    public void A_document_read_by_hand_is_checked_by_the_same_rule_at_every_depth()
    {
        using var clean = JsonDocument.Parse("""{"caring.role":{"note":"ok\n","list":["a","b"]}}""");
        using var value = JsonDocument.Parse("""{"caring.role":{"list":["a","b\u0000"]}}""");
        using var name = JsonDocument.Parse("""{"caring.role":{"n\ud800":1}}""");

        Assert.Null(JsonText.FirstRefused(clean.RootElement, "data"));
        Assert.Equal("data.caring.role.list[1]", JsonText.FirstRefused(value.RootElement, "data"));
        Assert.Equal("data.caring.role", JsonText.FirstRefused(name.RootElement, "data"));
    }

    [Fact]
    public void A_problem_never_repeats_a_control_character_the_caller_sent()
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["caring.role\n"] = ["Not approved: caring.role\n"],
            ["caring.role\\u000A"] = ["a literal backslash-u"],
            ["title"] = ["fine"],
        })
        {
            Detail = "Not approved for this disclosure: caring.role\n, x\u0000.",
            Instance = "/api/x\u0000",
        };

        ProblemText.MakePrintable(problem);

        Assert.Equal("Not approved for this disclosure: caring.role\\u000A, x\\u0000.", problem.Detail);
        Assert.Equal("/api/x\\u0000", problem.Instance);
        Assert.Equal(["caring.role\\u000A", "title"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Not approved: caring.role\\u000A", "a literal backslash-u"], problem.Errors["caring.role\\u000A"]);
    }
}
