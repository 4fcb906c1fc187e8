namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>The one field-error collector (issue 24): every message of every bad field, refused at once.</summary>
public sealed class FieldErrorsTests
{
    [Fact]
    public void Given_checks_that_hold_When_thrown_if_any_Then_nothing_is_refused()
    {
        var errors = new FieldErrors()
            .That(true, "limit", "Must be between 1 and 100.")
            .Matches("purpose", null, Vocabulary.Purpose(), "A purpose code.")
            .Matches("orgId", "LA-1", Vocabulary.OrgId(), "An organisation id.");

        errors.ThrowIfAny();

        Assert.False(errors.Any);
        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public void Given_two_bad_fields_and_two_failures_of_one_When_thrown_Then_one_400_names_every_message()
    {
        var errors = new FieldErrors()
            .That(false, "toSequence", "Must not be less than 'fromSequence'.")
            .That(false, "toSequence", "At most 1000 entries per bundle.")
            .Matches("purpose", "School Support", Vocabulary.Purpose(), "A purpose code is 1 to 64 lower-case letters, digits or hyphens.");

        var refusal = Assert.Throws<RequestValidationException>(errors.ThrowIfAny);

        Assert.Equal(["toSequence", "purpose"], refusal.Errors.Keys);
        Assert.Equal(["Must not be less than 'fromSequence'.", "At most 1000 entries per bundle."], refusal.Errors["toSequence"]);
        Assert.Equal(["A purpose code is 1 to 64 lower-case letters, digits or hyphens."], refusal.Errors["purpose"]);
    }

    [Theory]
    [InlineData("yc-1\n")]
    [InlineData("")]
    [InlineData("yc_1")]
    public void Given_an_optional_value_given_but_malformed_When_matched_Then_its_field_is_named(string value) =>
        Assert.Equal(["subjectId"], new FieldErrors().Matches("subjectId", value, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens.").ToDictionary().Keys);
}
