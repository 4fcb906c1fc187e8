using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// The uses of a consent (issue 16 §2), learnt from disclosure events published on the real broker
/// as the disclosure service publishes them, and shown in the explanation. Each test waits until the
/// service has consumed every event it published (<see cref="ConsumedUses"/>), never on time.
/// </summary>
public sealed class UsesTests(ConsentApi api)
{
    /// <summary>The school: a recipient in every agreement of <see cref="Agreements"/>.</summary>
    private const string School = Support.Api.Org;

    private static readonly EventActor SchoolPractitioner = new("Practitioner:school-1:ms-lee", "Practitioner", School);

    private static ShareDecision Decision(Guid? consentId, DateTimeOffset at) =>
        new(ShareOutcome.Approved, [], consentId, consentId is null ? null : 1, Guid.NewGuid(), 3, at);

    private static DisclosureApproved Approved(string subject, string purpose, Guid? consentId, DateTimeOffset at, OverrideApproval? approval = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), subject, purpose, School, Agreements.Council, ["caring.role"], Decision(consentId, at), null, null, approval, 90, SchoolPractitioner, at);

    private static PackageRead Read(string subject, string purpose, Guid consentId, DateTimeOffset at) =>
        new(Guid.NewGuid(), Guid.NewGuid(), subject, purpose, School, Agreements.Council, ["caring.role"], Decision(consentId, at), SchoolPractitioner, at);

    private async Task PublishAsync(IPlatformEvent @event)
    {
        // As the platform publishes: the message id is the event id.
        await api.Bus.Publish((object)@event, Pipe.Execute<PublishContext>(context => context.MessageId = @event.EventId), TestContext.Current.CancellationToken);
    }

    private async Task<(Guid ConsentId, string Subject, string Purpose, HttpClient Carer)> ConsentAsync()
    {
        var purpose = Agreements.NewPurpose();
        api.Parties.AddAgreement(Agreements.Active(purpose));
        var subject = NewSubject();
        var carer = api.YoungCarer(subject);
        var consent = await carer.GrantedAsync(GrantBody(subject, purpose));
        return (consent.Id, subject, purpose, carer);
    }

    private static async Task<JsonElement> UsesAsync(HttpClient client, Guid consentId)
    {
        using var response = await client.ReadAsync($"/api/consents/{consentId}/explanation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.GetProperty("uses").Clone();
    }

    [Fact]
    public async Task Two_approved_shares_and_one_package_read_are_three_uses_the_last_by_the_reader_by_name()
    {
        var (consentId, subject, purpose, carer) = await ConsentAsync();
        using var _ = carer;
        var now = DateTimeOffset.UtcNow;
        var first = Approved(subject, purpose, consentId, now.AddMinutes(-30));
        var second = Approved(subject, purpose, consentId, now.AddMinutes(-20));
        var read = Read(subject, purpose, consentId, now.AddMinutes(-10));

        // Published out of order: the last use is the latest to happen, not the latest to arrive.
        foreach (var e in new IPlatformEvent[] { read, first, second }) await PublishAsync(e);
        foreach (var e in new IPlatformEvent[] { read, first, second }) await api.Uses.WaitForAsync(e.EventId);

        var uses = await UsesAsync(carer, consentId);
        Assert.Equal(3, uses.GetProperty("count").GetInt32());
        Assert.Equal(read.OccurredAt, uses.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.Equal(School, uses.GetProperty("lastUsedByOrgId").GetString());
        Assert.Equal(Agreements.SchoolName, uses.GetProperty("lastUsedByName").GetString());
    }

    [Fact]
    public async Task A_redelivered_or_duplicated_event_is_counted_once()
    {
        var (consentId, subject, purpose, carer) = await ConsentAsync();
        using var _ = carer;
        var approved = Approved(subject, purpose, consentId, DateTimeOffset.UtcNow.AddMinutes(-5));

        await PublishAsync(approved);
        await PublishAsync(approved);
        await PublishAsync(approved with { }); // the same event id in a message of its own
        await api.Uses.WaitForAsync(approved.EventId, times: 3);

        Assert.Equal(1, (await UsesAsync(carer, consentId)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task An_event_without_an_event_id_fails_to_the_error_queue_and_is_not_counted()
    {
        var (consentId, subject, purpose, carer) = await ConsentAsync();
        using var _ = carer;
        var nameless = Approved(subject, purpose, consentId, DateTimeOffset.UtcNow.AddMinutes(-5)) with { EventId = Guid.Empty };
        var named = Approved(subject, purpose, consentId, DateTimeOffset.UtcNow.AddMinutes(-4));

        await api.Bus.Publish(nameless, TestContext.Current.CancellationToken);
        await PublishAsync(named);
        await api.Uses.WaitForAsync(named.EventId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!api.Uses.Faults.Any(f => f.EventId == Guid.Empty) && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);

        Assert.Contains(api.Uses.Faults, f => f.EventId == Guid.Empty && f.Error is InvalidOperationException);
        Assert.Equal(1, (await UsesAsync(carer, consentId)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Shares_without_consent_and_uses_of_another_consent_are_not_counted()
    {
        var (consentId, subject, purpose, carer) = await ConsentAsync();
        using var _ = carer;
        var (otherConsentId, _, _, otherCarer) = await ConsentAsync();
        using var __ = otherCarer;
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var mine = Approved(subject, purpose, consentId, at);
        var overridden = Approved(subject, purpose, consentId: null, at.AddMinutes(1), new OverrideApproval("SafeguardingLead:la-1:dr-osei", Agreements.Council, "SafeguardingLead", at));
        var someoneElses = Approved(subject, purpose, otherConsentId, at.AddMinutes(2));

        foreach (var e in new IPlatformEvent[] { mine, overridden, someoneElses }) await PublishAsync(e);
        foreach (var e in new IPlatformEvent[] { mine, overridden, someoneElses }) await api.Uses.WaitForAsync(e.EventId);

        var uses = await UsesAsync(carer, consentId);
        Assert.Equal(1, uses.GetProperty("count").GetInt32());
        Assert.Equal(at, uses.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.Equal(1, (await UsesAsync(otherCarer, otherConsentId)).GetProperty("count").GetInt32());
    }
}
