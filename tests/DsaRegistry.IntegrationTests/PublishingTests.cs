using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Events committed to Marten reach RabbitMQ through the shared forwarding subscription, message id = event id.</summary>
public sealed class PublishingTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task Every_change_is_published_in_order_with_its_version_actor_and_the_whole_content()
    {
        var officer = Registry.Officer();
        var school = Registry.Officer(Registry.School);
        var dsa = await Registry.DraftAsync();
        var path = $"/api/dsas/{dsa.Id}";
        // Issue 17: the school signs, then the council; the council's signature, the last, activates.
        await PostAsync(school, $"{path}/sign", new { version = 1 });
        await PostAsync(officer, $"{path}/sign", new { version = 1 });
        await PostAsync(officer, $"{path}/suspend", new { reason = "Breach" });
        await PutAsync(officer, path, Registry.Terms() with { Title = "Amended" });
        await PostAsync(school, $"{path}/sign", new { version = 6 });
        await PostAsync(officer, $"{path}/sign", new { version = 6 });
        await PostAsync(officer, $"{path}/terminate", new { reason = "Replaced" });

        var published = await Fixture.PublishedForAsync(dsa.Id, 10, TimeSpan.FromSeconds(60));

        Assert.Equal(
            [typeof(DsaDrafted), typeof(DsaSigned), typeof(DsaSigned), typeof(DsaActivated), typeof(DsaSuspended), typeof(DsaAmended),
             typeof(DsaSigned), typeof(DsaSigned), typeof(DsaReinstated), typeof(DsaTerminated)],
            published.Select(p => p.Event.GetType()));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L], published.Select(p => p.Event switch { DsaSigned g => g.Version, _ => VersionOf(p.Event) }));
        Assert.All(published, p => Assert.Equal(p.Event.EventId, p.MessageId));
        Assert.All(published, p => Assert.Null(p.Event.SubjectId));
        Assert.Equal(
            [Registry.LocalAuthority, Registry.School, Registry.LocalAuthority, Registry.LocalAuthority, Registry.LocalAuthority, Registry.LocalAuthority,
             Registry.School, Registry.LocalAuthority, Registry.LocalAuthority, Registry.LocalAuthority],
            published.Select(p => p.Event.Actor.OrgId));
        Assert.Equal(10, published.Select(p => p.Event.EventId).Distinct().Count());
        var signed = Assert.IsType<DsaSigned>(published[6].Event);
        Assert.Equal((6L, Registry.School, 7L), (signed.SignedVersion, signed.OrgId, signed.Version));

        var drafted = Assert.IsType<DsaDrafted>(published[0].Event);
        Assert.Equal((1L, dsa.Title, 2), (drafted.Version, drafted.Content.Title, drafted.Content.Purposes.Count));
        Assert.Equal(Article9Condition.HealthOrSocialCare, drafted.Content.Purposes[1].LawfulBasis.Article9);
        var amended = Assert.IsType<DsaAmended>(published[5].Event);
        Assert.Equal((6L, "Amended"), (amended.Version, amended.Content.Title));
        Assert.Equal("Breach", Assert.IsType<DsaSuspended>(published[4].Event).Reason);
        Assert.Equal((10L, "Replaced"), (((DsaTerminated)published[9].Event).Version, ((DsaTerminated)published[9].Event).Reason));
    }

    private static long VersionOf(Contracts.Common.IPlatformEvent e) => e switch
    {
        DsaDrafted x => x.Version,
        DsaActivated x => x.Version,
        DsaSuspended x => x.Version,
        DsaAmended x => x.Version,
        DsaReinstated x => x.Version,
        DsaTerminated x => x.Version,
        _ => -1,
    };
}
