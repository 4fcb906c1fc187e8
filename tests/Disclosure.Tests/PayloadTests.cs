using System.Text;
using ConsentPlatform.Disclosure.Releasing;
using ConsentPlatform.Hosting.Problems;
using Xunit;

namespace ConsentPlatform.Disclosure.Tests;

public sealed class PayloadTests
{
    [Fact]
    public void The_release_body_gives_its_category_keys_and_the_data_json()
    {
        var (categories, json) = ReleaseDisclosureEndpoint.ParseData(Encoding.UTF8.GetBytes("""{"data":{"caring.role":{"a":1},"identity.basic":"x"}}"""));

        Assert.Equal(["caring.role", "identity.basic"], categories);
        Assert.Equal("""{"caring.role":{"a":1},"identity.basic":"x"}""", json);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":{"a":1},"extra":2}""")]
    [InlineData("""{"data":{"a":1,"a":2}}""")]
    [InlineData("""not json at all""")]
    [InlineData("""[]""")]
    public void A_malformed_release_body_is_a_validation_error_that_does_not_quote_it(string body)
    {
        var error = Assert.Throws<RequestValidationException>(() => ReleaseDisclosureEndpoint.ParseData(Encoding.UTF8.GetBytes(body)));

        Assert.DoesNotContain(error.Errors.Values.SelectMany(v => v), m => m.Contains("not json", StringComparison.Ordinal));
    }
}
