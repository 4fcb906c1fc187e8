using static ConsentPlatform.Disclosure.Tests.Scenario;

namespace ConsentPlatform.Disclosure.Tests;

public sealed class PayloadTests
{
    [Fact]
    public void The_release_body_gives_its_category_keys_and_the_data_json()
    {
        var (categories, json) = ReleaseDisclosureEndpoint.ParseData(new FieldErrors(), Encoding.UTF8.GetBytes("""{"data":{"caring.role":{"a":1},"identity.basic":"x"}}"""));

        Assert.Equal(["caring.role", "identity.basic"], categories);
        Assert.Equal("""{"caring.role":{"a":1},"identity.basic":"x"}""", json);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":{"a":1},"extra":2}""")]
    [InlineData("""{"data":{"a":1,"a":2}}""")]
    [InlineData("""{"data":{"a":1},"data":{"b":2}}""")]
    [InlineData("""{"data":{"a":{"x":1,"x":2}}}""")]
    [InlineData("""not json at all""")]
    [InlineData("""[]""")]
    public void A_malformed_release_body_is_a_validation_error_that_does_not_quote_it(string body)
    {
        var error = Refused(400, Invalid(Encoding.UTF8.GetBytes(body)));

        Assert.DoesNotContain(error.Errors!.Values.SelectMany(v => v), m => m.Contains("not json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"data":{"caring.role":"Looks after\u0000 a parent"}}""", "data.caring.role")]
    [InlineData("""{"data":{"caring.role":{"notes":["ok","\u001b[2J"]}}}""", "data.caring.role.notes[1]")]
    [InlineData("""{"data":{"caring.role":"\ud800"}}""", "data.caring.role")]
    [InlineData("""{"data":{"caring.role\u0000":"x"}}""", "data")]
    [InlineData("""{"data":{"caring\udc00":"x"}}""", "$")]
    [InlineData("""{"data":{"caring.role":"x"},"\ud800":1}""", "$")]
    public void Text_in_the_release_body_that_breaks_the_rule_is_a_400_naming_where_it_is(string body, string field)
    {
        var error = Refused(400, Invalid(Encoding.UTF8.GetBytes(body)));

        Assert.Equal([field], error.Errors!.Keys);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_inside_a_string_are_a_400_not_a_server_error()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"data":{"caring.role":"a"""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}}")];

        var error = Refused(400, Invalid(body));

        Assert.Equal(["data.caring.role"], error.Errors!.Keys);
    }

    [Fact]
    public void Tab_CR_and_LF_in_released_text_are_kept()
    {
        var (_, json) = ReleaseDisclosureEndpoint.ParseData(new FieldErrors(), Encoding.UTF8.GetBytes("""{"data":{"caring.role":"line one\r\n\tline two"}}"""));

        Assert.Equal("""{"caring.role":"line one\r\n\tline two"}""", json);
    }

    /// <summary>What <see cref="ReleaseDisclosureEndpoint.ParseData"/> refuses <paramref name="body"/> with (nothing: no decision at all), asserting it gives no data.</summary>
    private static Decision Invalid(byte[] body)
    {
        var errors = new FieldErrors();
        var (categories, _) = ReleaseDisclosureEndpoint.ParseData(errors, body);
        Assert.Empty(categories);
        return errors.Refusal is { } refusal ? refusal : [];
    }
}
