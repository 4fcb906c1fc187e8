namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>
/// The consent service on its own database and virtual host, with a given expiry interval (and
/// proposal lifetime, if given), and <see cref="Uses"/> watching what its <c>consent-uses</c> endpoint consumed.
/// </summary>
public class ConsentServiceHost(TimeSpan expirySweepInterval, TimeSpan? proposalLifetime = null) : ServiceHost<ConsentEntryPoint>
{
    public ConsumedUses Uses { get; } = new();

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The receipt-signing key in the tests' temporary folder, one per test process.
        builder.UseSetting(Receipts.ReceiptKey.KeyFileSetting, Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"consent-receipt-key-{Environment.ProcessId}.json"));
        builder.UseSetting(ExpirySweeper.IntervalSetting, expirySweepInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddConsumeObserver(_ => Uses));
        if (proposalLifetime is { } lifetime)
        {
            builder.UseSetting("Consent:ProposalLifetime", lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// One consent service for the whole assembly (tests use their own subject ids, so they never see
/// each other's data) plus a test bus on its virtual host. The expiry job's own timer is slow
/// here, so that tests run the sweep themselves when they mean to.
/// </summary>
public sealed class ConsentApi : IAsyncLifetime
{
    private IBusControl? bus;

    public ConsentServiceHost Host { get; } = new(TimeSpan.FromHours(1));

    public EventInbox Events { get; } = new();

    /// <summary>Who the stand-in DSA registry says is party to an agreement for which purpose.</summary>
    public AgreementParties Parties { get; } = new();

    /// <summary>What the service's <c>consent-uses</c> endpoint has consumed, by event id.</summary>
    public ConsumedUses Uses => Host.Uses;

    public IBusControl Bus => bus ?? throw new InvalidOperationException("not initialised");

    public ExpirySweeper ExpiryJob => Host.Services.GetRequiredService<ExpirySweeper>();

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        var vhost = Host.VirtualHost;
        bus = await TestBus.StartAsync(vhost.Host, vhost.Port, vhost.Name, vhost.Username, vhost.Password, "consent-integration-tests", Events, Parties);
    }

    public HttpClient ClientFor(string role, string? org = null, string? subjectId = null) => Host.ClientFor(role, org, subjectId);

    /// <summary>The live check, asked over RabbitMQ from outside the service, as the disclosure service asks it.</summary>
    public async Task<ConsentCheckResult> CheckAsync(CheckConsent check)
    {
        var client = Bus.CreateRequestClient<CheckConsent>(RequestTimeout.After(s: 15));
        return (await client.GetResponse<ConsentCheckResult>(check, TestContext.Current.CancellationToken)).Message;
    }

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync();
        await Host.DisposeAsync();
    }
}
