namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>The one <c>If-Match</c> parser every service reads a caller's expected version with (issue 24).</summary>
public sealed class IfMatchTests
{
    [Theory]
    [InlineData("\"3\"", 3L)]
    [InlineData("3", 3L)]
    [InlineData(" \"12\" ", 12L)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    public void Given_an_if_match_header_When_read_Then_the_expected_version(string? header, long? expected)
    {
        var errors = new FieldErrors();

        Assert.Equal(expected, IfMatch.ExpectedVersion(errors, header, "DSA"));
        Assert.Null(errors.Refusal);
    }

    [Theory]
    [InlineData("W/\"3\"")]
    [InlineData("\"abc\"")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("\"3")]
    [InlineData("\"1\", \"2\"")]
    public void Given_an_if_match_that_names_no_single_version_When_read_Then_a_validation_error_on_the_header(string header)
    {
        var errors = new FieldErrors();

        Assert.Null(IfMatch.ExpectedVersion(errors, header, "DSA"));
        var refusal = errors.Refusal;
        Assert.Equal(400, refusal?.Status);
        Assert.Equal([IfMatch.Header], refusal!.Errors!.Keys);
        Assert.Equal(["If-Match must name one version of the DSA, as its ETag gives it (\"3\")."], refusal.Errors[IfMatch.Header]);
    }

    [Theory]
    [InlineData("W/\"12\"", 12L)]
    [InlineData("\"12\"", 12L)]
    [InlineData("*", null)]
    public void Given_a_service_that_hands_out_weak_tags_When_a_weak_tag_is_read_Then_its_version(string header, long? expected) =>
        Assert.Equal(expected, IfMatch.ExpectedVersion(new FieldErrors(), header, "consent", takesWeakTags: true));

    [Theory]
    [InlineData("W/\"abc\"")]
    [InlineData("W/0")]
    [InlineData("\"3")]
    public void Given_a_service_that_hands_out_weak_tags_When_a_malformed_tag_is_read_Then_a_validation_error(string header)
    {
        var errors = new FieldErrors();

        IfMatch.ExpectedVersion(errors, header, "consent", takesWeakTags: true);

        Assert.Equal([IfMatch.Header], errors.Refusal?.Errors?.Keys);
    }

    [Fact]
    public void Given_a_version_When_tagged_Then_a_quoted_strong_etag() => Assert.Equal("\"7\"", IfMatch.ETagOf(7));
}
