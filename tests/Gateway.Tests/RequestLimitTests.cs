namespace ConsentPlatform.Gateway.Tests;

public sealed class RequestBodyLimitTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private const int Limit = 64 * 1024;

    private GatewayHost Host => gateway.Host;

    [Fact]
    public async Task Body_over_64_KiB_is_413_problem_and_never_reaches_the_service()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        var probe = $"/api/disclosures?probe={Guid.NewGuid():N}";
        using var content = new ByteArrayContent(new byte[Limit + 1]);

        using var response = await Host.SendAsync(HttpMethod.Post, probe, token, content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(probe, Host.Services["disclosure"].Received);
    }

    [Fact]
    public async Task Chunked_body_over_64_KiB_is_413_problem()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        using var content = new StreamContent(new UnknownLengthStream(Limit * 2));
        Assert.Null(content.Headers.ContentLength);

        using var response = await Host.SendAsync(HttpMethod.Post, "/api/disclosures", token, content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_of_exactly_64_KiB_is_forwarded()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', Limit)));

        using var response = await Host.SendAsync(HttpMethod.Post, "/api/disclosures", token, content);

        var echoed = await response.EchoedAsync();
        Assert.Equal(Limit, echoed.BodyLength);
    }

    [Fact]
    public async Task Dev_token_body_over_64_KiB_is_413_problem()
    {
        using var content = new ByteArrayContent(new byte[Limit + 10]);
        content.Headers.ContentType = new("application/json");

        using var response = await Host.Client.PostAsync("/auth/dev-token", content, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A stream that cannot say its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(int length) : Stream
    {
        private int remaining = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, remaining);
            Array.Fill(buffer, (byte)'x', offset, n);
            remaining -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class RateLimitTests() : OwnGateway(new Dictionary<string, string?>
{
    ["RateLimiting:PermitsPerSecond"] = "3",
    ["RateLimiting:QueueLimit"] = "0",
    // Three calls a minute, not a second: on a loaded CI machine ten calls once took more
    // than a second, the bucket refilled between them and no call was ever refused.
    ["RateLimiting:ReplenishmentPeriod"] = "00:01:00",
})
{
    [Fact]
    public async Task Caller_over_the_limit_gets_429_problem_with_Retry_After_while_another_caller_is_served()
    {
        var busy = Host.Issuer.CreateToken(PlatformRoles.Auditor, "Busy", null, null);
        var other = Host.Issuer.CreateToken(PlatformRoles.Auditor, "Other", null, null);

        var (statuses, refused) = await UntilRefusedAsync(_ => Host.GetAsync("/api/audit/verify", busy));

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.OK, statuses[0]);
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.True(refused.Headers.RetryAfter.Delta >= TimeSpan.FromSeconds(1));
        }

        using var otherResponse = await Host.GetAsync("/api/audit/verify", other);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    /// <summary>
    /// A token names whoever its bearer chose to be: minting counted by it would give one client a
    /// fresh bucket per made-up name. So /auth/dev-token is counted by address, token or not.
    /// </summary>
    [Fact]
    public async Task Dev_token_is_limited_by_client_address_whatever_token_comes_with_the_call()
    {
        var (statuses, refused) = await UntilRefusedAsync(async i =>
        {
            // A new name each time: before, each was a new bucket and none was ever refused.
            var chosen = Host.Issuer.CreateToken(PlatformRoles.Auditor, $"made-up-{i}", null, null);
            using var content = JsonContent.Create(new { role = PlatformRoles.Auditor, name = $"made-up-{i + 1}" });
            return await Host.SendAsync(HttpMethod.Post, "/auth/dev-token", chosen, content);
        });

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.OK, statuses[0]);
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
    }

    /// <summary>Sends up to ten calls until one is refused with 429: every status seen, and the refusal (null if none).</summary>
    private static async Task<(List<HttpStatusCode> Statuses, HttpResponseMessage? Refused)> UntilRefusedAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var response = await send(i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return (statuses, response);
            response.Dispose();
        }

        return (statuses, null);
    }
}
