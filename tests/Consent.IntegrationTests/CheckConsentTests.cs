using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>The live check, asked over RabbitMQ from a bus outside the service, as the disclosure service will.</summary>
public sealed class CheckConsentTests(ConsentApi api)
{
    private Task<ConsentCheckResult> CheckAsync(string subject, string requester = "school-1", string[]? categories = null, DateTimeOffset? at = null, string purpose = "school-support") =>
        api.CheckAsync(new CheckConsent(subject, purpose, requester, categories ?? ["caring.role"], at ?? DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_subject_without_consent_is_consent_missing()
    {
        var result = await CheckAsync(NewSubject());

        Assert.Equal([ReasonCode.ConsentMissing], result.Reasons);
        Assert.Null(result.ConsentId);
    }

    [Fact]
    public async Task A_matching_active_consent_passes_and_is_named_with_its_version()
    {
        using var carer = await api.YoungCarerGrantsAsync(recipientOrgIds: ["school-1"], dataCategories: ["caring.role", "education.attendance"]);

        var result = await CheckAsync(carer.Subject, categories: ["caring.role", "education.attendance"]);

        Assert.Empty(result.Reasons);
        Assert.Equal((carer.Consent.Id, 1L, ConsentStatus.Active), (result.ConsentId!.Value, result.Version!.Value, result.Status!.Value));
    }

    [Fact]
    public async Task A_pause_is_seen_by_the_very_next_check_and_a_resume_too()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var paused = await carer.ActAsync("pause");
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var whilePaused = await CheckAsync(carer.Subject);
        using var resumed = await carer.ActAsync("resume");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var afterResume = await CheckAsync(carer.Subject);

        Assert.Equal([ReasonCode.ConsentPaused], whilePaused.Reasons);
        Assert.Equal(2L, whilePaused.Version);
        Assert.Empty(afterResume.Reasons);
        Assert.Equal(3L, afterResume.Version);
    }

    [Fact]
    public async Task A_withdrawn_consent_is_consent_withdrawn()
    {
        using var carer = await api.YoungCarerGrantsAsync();
        (await carer.ActAsync("withdraw")).Dispose();

        var result = await CheckAsync(carer.Subject);

        Assert.Equal([ReasonCode.ConsentWithdrawn], result.Reasons);
        Assert.Equal(ConsentStatus.Withdrawn, result.Status);
    }

    [Fact]
    public async Task Another_requester_or_category_is_a_mismatch_with_every_reason()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        await client.GrantedAsync(GrantBody(subject, recipientOrgIds: ["gp-1"], dataCategories: ["caring.role"]));

        var result = await CheckAsync(subject, requester: "school-1", categories: ["caring.role", "health.mental"]);

        Assert.Equal([ReasonCode.ConsentRecipientMismatch, ReasonCode.ConsentCategoryMismatch], result.Reasons);
    }

    [Fact]
    public async Task A_check_at_or_after_expires_at_is_consent_expired_before_the_job_records_it()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);
        var expiresAt = DateTimeOffset.UtcNow.AddHours(1);
        await client.GrantedAsync(GrantBody(subject, expiresAt: expiresAt));

        var before = await CheckAsync(subject, at: expiresAt.AddSeconds(-1));
        var atExpiry = await CheckAsync(subject, at: expiresAt);

        Assert.Empty(before.Reasons);
        Assert.Equal([ReasonCode.ConsentExpired], atExpiry.Reasons);
        Assert.Equal(ConsentStatus.Expired, atExpiry.Status);
    }
}
