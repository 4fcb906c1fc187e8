namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>
/// The enums' one wire naming (issue 24, ADR 0018): what a service writes (<see cref="PlatformJson"/>)
/// is what <see cref="ApiWireNames"/> names and what the portal reads back, for every value.
/// </summary>
public sealed class ApiWireNamesTests
{
    [Theory]
    [InlineData(ConsentStatus.Proposed, "proposed")]
    [InlineData(DisclosureStatus.AwaitingOverrideApproval, "awaiting-override-approval")]
    [InlineData(ReasonCode.NoActiveDsa, "no-active-dsa")]
    [InlineData(Article9Condition.MadePublicByDataSubject, "made-public-by-data-subject")]
    [InlineData(OverrideReviewOutcome.NotUpheld, "not-upheld")]
    [InlineData(TenantSource.Configuration, "configuration")]
    public void Given_an_enum_value_When_named_Then_its_kebab_case_wire_name(object value, string wireName) =>
        Assert.Equal(wireName, ApiWireNames.Of((Enum)value));

    public static TheoryData<Type> Enums() =>
    [
        typeof(ConsentStatus), typeof(GivenBy), typeof(DsaStatus), typeof(DsaPartyRole), typeof(SharingRole), typeof(Article6Basis),
        typeof(Article9Condition), typeof(DisclosureStatus), typeof(DeletionOutcome), typeof(OverrideReviewOutcome), typeof(ShareOutcome),
        typeof(ShareBasis), typeof(ReasonCode), typeof(TenantSource),
    ];

    [Theory]
    [MemberData(nameof(Enums))]
    public void Given_every_value_When_a_service_writes_it_Then_the_portal_reads_it_back_by_the_same_name(Type type)
    {
        foreach (Enum value in Enum.GetValues(type))
        {
            var written = JsonSerializer.Serialize(value, type, PlatformJson.Options);
            Assert.Equal($"\"{ApiWireNames.Of(value)}\"", written);
            Assert.Equal(value, JsonSerializer.Deserialize(written, type, ApiWireNames.ReadingOptions));
        }
    }

    [Fact]
    public void Given_a_wire_name_When_parsed_Then_the_value_or_null_for_an_unknown_one()
    {
        Assert.Equal(ConsentStatus.Active, ApiWireNames.Parse<ConsentStatus>("active"));
        Assert.Equal(ReasonCode.ConsentCategoryMismatch, ApiWireNames.Parse<ReasonCode>("consent-category-mismatch"));
        Assert.Null(ApiWireNames.Parse<ConsentStatus>("Active"));
        Assert.Null(ApiWireNames.Parse<ConsentStatus>("archived"));
        Assert.Null(ApiWireNames.Parse<ConsentStatus>(null));
    }

    [Fact]
    public void Given_an_answer_with_a_field_the_client_does_not_know_When_read_Then_the_rest_is_read()
    {
        var receipt = JsonSerializer.Deserialize<ConsentReceiptView>(
            """{"version":3,"issuedAt":"2026-01-02T03:04:05+00:00","jws":"a.b.c","addedLater":true}""", ApiWireNames.ReadingOptions);
        Assert.Equal(new ConsentReceiptView(3, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "a.b.c"), receipt);
    }

    [Fact]
    public void Given_a_status_as_a_number_When_read_Then_it_is_refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ConsentStatus>("1", ApiWireNames.ReadingOptions));
}
