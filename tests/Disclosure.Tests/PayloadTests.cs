using System.Security.Cryptography;
using System.Text;
using ConsentPlatform.Disclosure.Packages;
using ConsentPlatform.Disclosure.Releasing;
using ConsentPlatform.Hosting.Problems;
using Xunit;

namespace ConsentPlatform.Disclosure.Tests;

public sealed class PayloadTests
{
    private static readonly PayloadProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_payload_opens_to_the_same_json_and_its_ciphertext_does_not_contain_it()
    {
        const string json = """{"caring.role":{"note":"cares for mum every evening"}}""";
        var sealedPackage = Protector.Seal(Scenario.Id, json, Scenario.Now);

        Assert.Equal(json, Protector.Open(sealedPackage));
        Assert.DoesNotContain("cares for mum", Encoding.UTF8.GetString(sealedPackage.Ciphertext), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_moved_to_another_disclosure_does_not_open()
    {
        var sealedPackage = Protector.Seal(Scenario.Id, "{}", Scenario.Now) with { Id = Guid.NewGuid() };

        Assert.ThrowsAny<CryptographicException>(() => Protector.Open(sealedPackage));
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new PayloadProtector(new byte[16]));

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
