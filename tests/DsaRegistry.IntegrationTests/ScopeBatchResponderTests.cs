using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// The coalesced scope check (issue 23): a batch of checks for different organisations, purposes and
/// instants is answered, item by item and in order, exactly as each check asked alone.
/// </summary>
public sealed class ScopeBatchResponderTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task Each_check_of_a_batch_is_answered_in_order_as_it_would_be_alone_at_its_own_instant()
    {
        var dsa = await Registry.ActiveAsync();
        var now = DateTimeOffset.UtcNow;
        CheckDsaScope[] checks =
        [
            new(Registry.School, Registry.LocalAuthority, "school-support", ["identity.basic", "caring.role"], now),
            new(NewOrg("GP"), Registry.LocalAuthority, "school-support", ["identity.basic"], now),
            new(Registry.School, Registry.LocalAuthority, "no-such-purpose", ["identity.basic"], now),
            new(Registry.School, Registry.LocalAuthority, "school-support", ["identity.basic"], now.AddYears(-5)),
            new(NewOrg("URN"), NewOrg("LA"), "school-support", ["identity.basic"], now),
        ];

        var batch = (await Fixture.Bus.CreateRequestClient<CheckDsaScopeBatch>(RequestTimeout.After(s: 15))
            .GetResponse<DsaScopeBatchResult>(new CheckDsaScopeBatch(checks), TestContext.Current.CancellationToken)).Message.Results;
        var alone = new List<DsaScopeResult>();
        foreach (var check in checks) alone.Add(await Fixture.CheckScopeAsync(check));

        Assert.Equal(checks.Length, batch.Count);
        for (var i = 0; i < checks.Length; i++)
        {
            Assert.Equal((alone[i].Covered, alone[i].DsaId, alone[i].DsaVersion, alone[i].CheckedAt), (batch[i].Covered, batch[i].DsaId, batch[i].DsaVersion, batch[i].CheckedAt));
            Assert.Equal(alone[i].Reasons, batch[i].Reasons);
            Assert.Equal(alone[i].AlsoCoveredBy, batch[i].AlsoCoveredBy);
        }

        // The items differ, so a batch that answered every item alike would fail above.
        Assert.True(batch[0].Covered);
        Assert.Equal(dsa.Id, batch[0].DsaId);
        Assert.False(batch[1].Covered);
        Assert.False(batch[3].Covered);
    }
}
