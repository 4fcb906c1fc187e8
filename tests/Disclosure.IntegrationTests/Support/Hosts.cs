namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

public sealed class ConsentHost(IsolatedVirtualHost vhost) : ServiceHost<ConsentEntryPoint>("consent", vhost);

public sealed class RegistryHost(IsolatedVirtualHost vhost) : ServiceHost<DsaRegistryEntryPoint>("registry", vhost);

/// <summary>
/// The disclosure service with a key ring and a legacy payload key of the test's own, a clock the test can move, every
/// log line captured, and a short check timeout.
/// </summary>
public sealed class DisclosureHost(IsolatedVirtualHost vhost, LogCapture logs, ShiftableClock clock) : ServiceHost<DisclosureEntryPoint>("disclosure", vhost)
{
    public const string CheckTimeout = "00:00:02";

    /// <summary>This host's own key ring (local file provider), which the tests rotate.</summary>
    public string KeyRingFile { get; } = Path.Combine(Path.GetTempPath(), $"disclosure-keys-{Guid.NewGuid():N}.json");

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Disclosure:Keys:File", KeyRingFile);
        // Read the ring at every seal and open, so that a rotation shows in the very next release.
        builder.UseSetting("Disclosure:Keys:RefreshInterval", "00:00:00");
        // The pre-envelope static key too, as a deployment that upgrades still has it (KEK "legacy").
        builder.UseSetting("Disclosure:PayloadKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Disclosure:CheckTimeout", CheckTimeout);
        // An open circuit stays open for the length of a test (the platform's 1 s would let a probe through
        // on a slow machine, and the test of an open circuit would then wait for the probe's timeout).
        builder.UseSetting("Disclosure:CircuitBreakDuration", "00:00:30");
        // Every log category at its most verbose, so that "the payload is never logged" means something.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<TimeProvider>(clock);
        });
    }
}
