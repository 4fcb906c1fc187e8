using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>Committed events reach a consumer on the broker as contracts, with the event id as the message id.</summary>
public sealed class PublishingTests(ConsentApi api)
{
    [Fact]
    public async Task Each_change_is_published_once_with_every_term_the_actor_and_the_version()
    {
        using var carer = await api.YoungCarerGrantsAsync(recipientOrgIds: ["school-1"], dataCategories: ["caring.role"]);
        (await carer.ActAsync("pause", new { reason = "exams" })).Dispose();
        (await carer.ActAsync("resume")).Dispose();
        (await carer.ActAsync("withdraw")).Dispose();

        var granted = Assert.Single(await api.Events.WaitForAsync<ConsentGranted>(e => e.ConsentId == carer.Consent.Id));
        var paused = Assert.Single(await api.Events.WaitForAsync<ConsentPaused>(e => e.ConsentId == carer.Consent.Id));
        var resumed = Assert.Single(await api.Events.WaitForAsync<ConsentResumed>(e => e.ConsentId == carer.Consent.Id));
        var withdrawn = Assert.Single(await api.Events.WaitForAsync<ConsentWithdrawn>(e => e.ConsentId == carer.Consent.Id));

        Assert.Equal((1L, carer.Subject, "school-support", ConsentStatus.Active), (granted.Message.Version, granted.Message.SubjectId, granted.Message.Purpose, granted.Message.Status));
        Assert.Equal(["school-1"], granted.Message.RecipientOrgIds);
        Assert.Equal(["caring.role"], paused.Message.DataCategories);
        Assert.Equal((2L, ConsentStatus.Paused, "exams"), (paused.Message.Version, paused.Message.Status, paused.Message.Reason));
        Assert.Equal((3L, ConsentStatus.Active), (resumed.Message.Version, resumed.Message.Status));
        Assert.Equal((4L, ConsentStatus.Withdrawn), (withdrawn.Message.Version, withdrawn.Message.Status));

        IPlatformEvent[] all = [granted.Message, paused.Message, resumed.Message, withdrawn.Message];
        Assert.All(all, e => Assert.Equal(("YoungCarer", carer.Subject), (e.Actor.Role, e.SubjectId)));
        Assert.Equal(4, all.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(granted.Message.EventId, granted.MessageId);
        Assert.Equal(withdrawn.Message.EventId, withdrawn.MessageId);
    }
}
