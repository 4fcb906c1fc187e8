using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.DsaRegistry.IntegrationTests.Support;
using Xunit;
using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Events committed to Marten reach RabbitMQ through the shared forwarding subscription, message id = event id.</summary>
public sealed class PublishingTests(RegistryFixture fixture)
{
    private readonly Registry registry = new(fixture);

    [Fact]
    public async Task Every_change_is_published_in_order_with_its_version_actor_and_the_whole_content()
    {
        var officer = registry.Officer();
        var dsa = await registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";
        await PostAsync(officer, $"{path}/activate");
        await PostAsync(officer, $"{path}/suspend", new { reason = "Breach" });
        await PutAsync(officer, path, registry.Terms() with { Title = "Amended" });
        await PostAsync(officer, $"{path}/reinstate");
        await PostAsync(officer, $"{path}/terminate", new { reason = "Replaced" });

        var published = await fixture.PublishedForAsync(dsa.Id, 6, TimeSpan.FromSeconds(60));

        Assert.Equal(
            [typeof(DsaDrafted), typeof(DsaActivated), typeof(DsaSuspended), typeof(DsaAmended), typeof(DsaReinstated), typeof(DsaTerminated)],
            published.Select(p => p.Event.GetType()));
        Assert.All(published, p => Assert.Equal(p.Event.EventId, p.MessageId));
        Assert.All(published, p => Assert.Equal((registry.LocalAuthority, (string?)null), (p.Event.Actor.OrgId, p.Event.SubjectId)));
        Assert.Equal(6, published.Select(p => p.Event.EventId).Distinct().Count());

        var drafted = Assert.IsType<DsaDrafted>(published[0].Event);
        Assert.Equal((1L, dsa.Title, 2), (drafted.Version, drafted.Content.Title, drafted.Content.Purposes.Count));
        Assert.Equal(Article9Condition.HealthOrSocialCare, drafted.Content.Purposes[1].LawfulBasis.Article9);
        var amended = Assert.IsType<DsaAmended>(published[3].Event);
        Assert.Equal((4L, "Amended"), (amended.Version, amended.Content.Title));
        Assert.Equal("Breach", Assert.IsType<DsaSuspended>(published[2].Event).Reason);
        Assert.Equal((6L, "Replaced"), (((DsaTerminated)published[5].Event).Version, ((DsaTerminated)published[5].Event).Reason));
    }
}
