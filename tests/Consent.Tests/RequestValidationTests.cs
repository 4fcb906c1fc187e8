using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

public sealed class RequestValidationTests
{
    private static GrantConsentRequest Valid() =>
        new("yc-1", "school-support", ["school-1"], ["caring.role", "education.attendance"], GrantedAt.AddDays(1), GivenBy.Self);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(GrantConsentRequest? request)
    {
        var errors = new FieldErrors();
        GrantConsentEndpoint.Validate(errors, request, GrantedAt);
        return errors.ToDictionary();
    }

    private static ConsentTerms Valid(GrantConsentRequest request)
    {
        var errors = new FieldErrors();
        var terms = GrantConsentEndpoint.Validate(errors, request, GrantedAt);
        Assert.False(errors.Any);
        return terms;
    }

    [Fact]
    public void A_valid_grant_becomes_terms_with_utc_expiry()
    {
        var terms = Valid(Valid() with { ExpiresAt = new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)) });

        Assert.Equal(("yc-1", "school-support", GivenBy.Self), (terms.SubjectId, terms.Purpose, terms.GivenBy));
        Assert.Equal(TimeSpan.Zero, terms.ExpiresAt!.Value.Offset);
        Assert.Equal(["school-1"], terms.RecipientOrgIds);
    }

    [Theory]
    [InlineData("subjectId", null)]
    [InlineData("subjectId", "")]
    [InlineData("subjectId", "has space")]
    [InlineData("subjectId", "yc-1\n")]
    [InlineData("subjectId", "ünïcode")]
    public void A_bad_subject_id_is_refused_for_that_field(string field, string? subjectId) =>
        Assert.Equal([field], ErrorsOf(Valid() with { SubjectId = subjectId }).Keys);

    [Theory]
    [InlineData(null)]
    [InlineData("School-Support")]
    [InlineData("school.support")]
    public void A_bad_purpose_is_refused(string? purpose) =>
        Assert.Equal(["purpose"], ErrorsOf(Valid() with { Purpose = purpose }).Keys);

    [Fact]
    public void A_purpose_of_65_characters_is_refused() =>
        Assert.Equal(["purpose"], ErrorsOf(Valid() with { Purpose = new string('a', 65) }).Keys);

    [Fact]
    public void Fifty_recipients_are_allowed_and_fifty_one_refused()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => (string?)$"org-{i}").ToList();
        Assert.Equal(50, Valid(Valid() with { RecipientOrgIds = fifty }).RecipientOrgIds.Count);

        Assert.Equal(["recipientOrgIds"], ErrorsOf(Valid() with { RecipientOrgIds = [.. fifty, "org-51"] }).Keys);
    }

    [Fact]
    public void Fifty_one_categories_are_refused() =>
        Assert.Equal(["dataCategories"], ErrorsOf(Valid() with { DataCategories = [.. Enumerable.Range(1, 51).Select(i => (string?)$"cat.{i}")] }).Keys);

    [Fact]
    public void A_bad_or_repeated_list_entry_is_refused_by_its_index() =>
        Assert.Equal(
            ["recipientOrgIds[1]", "dataCategories[0]", "dataCategories[2]"],
            ErrorsOf(Valid() with { RecipientOrgIds = ["school-1", "bad org"], DataCategories = ["Caring.Role", "caring.role", "caring.role"] }).Keys);

    [Fact]
    public void An_expiry_not_in_the_future_is_refused() =>
        Assert.Equal(["expiresAt"], ErrorsOf(Valid() with { ExpiresAt = GrantedAt }).Keys);

    [Fact]
    public void A_missing_given_by_is_refused() =>
        Assert.Equal(["givenBy"], ErrorsOf(Valid() with { GivenBy = null }).Keys);

    [Fact]
    public void Every_bad_field_is_reported_at_once() =>
        Assert.Equal(4, ErrorsOf(new GrantConsentRequest(null, null, null, null, GrantedAt.AddDays(-1), null)).Count);

    [Fact]
    public void A_missing_body_is_refused() =>
        Assert.Equal(["$"], ErrorsOf(null).Keys);

    [Fact]
    public void A_reason_of_500_characters_is_allowed_and_501_refused()
    {
        var errors = new FieldErrors();
        Assert.Equal(500, ConsentRules.Reason(errors, new string('r', 500), required: false)!.Length);
        Assert.False(errors.Any);

        ConsentRules.Reason(errors, new string('r', 501), required: false);
        Assert.True(errors.Any);
    }

    [Fact]
    public void A_blank_reason_is_missing_when_one_is_required()
    {
        var errors = new FieldErrors();

        Assert.Null(ConsentRules.Reason(errors, "   ", required: true));

        Assert.True(errors.Any);
    }
}
