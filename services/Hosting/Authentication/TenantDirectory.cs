namespace ConsentPlatform.Hosting.Authentication;

/// <summary>How often a process asks the tenant registry, and how long an answer may be relied on (<c>Auth:TenantRegistry</c>).</summary>
public sealed class TenantRegistryOptions
{
    public const string Section = "Auth:TenantRegistry";

    /// <summary>Seconds between two questions to the registry: how long an onboarding or offboarding takes to reach this process at most (plus one answer).</summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds after the last answer beyond which the registry's tenants are no longer accepted: a
    /// process that cannot reach the registry cannot know of an offboarding, so it fails closed
    /// (the configuration's tenants stay).
    /// </summary>
    public double MaxAgeSeconds { get; set; } = 60;

    public static TenantRegistryOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TenantRegistryOptions>() ?? new TenantRegistryOptions();
}

/// <summary>
/// The tenants this process accepts tokens from (issue 18): those of the platform's configuration
/// (<c>Auth:Tenants</c>, where the platform administrators' own tenant lives) and those a platform
/// administrator onboarded through the DSA registry's ledgered tenant registry, as its last answer
/// gave them (<see cref="TenantRegistryRefresher"/>). A configured tenant always wins over a registry
/// entry of the same id; registry tenants are dropped when the last answer is older than
/// <see cref="TenantRegistryOptions.MaxAgeSeconds"/>.
/// </summary>
public sealed class TenantDirectory(IOptionsMonitor<OnboardedTenantsOptions> configured, IOptions<TenantRegistryOptions> options, TimeProvider clock)
{
    private sealed record RegistryAnswer(long Version, IReadOnlyList<OnboardedTenant> Tenants, DateTimeOffset At);

    private RegistryAnswer? registry;

    /// <summary>The last merge of the configuration and an answer, kept while neither changes: read on every token.</summary>
    private sealed record Merged(List<OnboardedTenant> Configured, RegistryAnswer Answer, IReadOnlyCollection<OnboardedTenant> Tenants);

    private Merged? merged;

    /// <summary>The registry's version this process last heard, or null before its first answer.</summary>
    public long? RegistryVersion => Volatile.Read(ref registry)?.Version;

    public IReadOnlyCollection<OnboardedTenant> Tenants
    {
        get
        {
            var fromConfiguration = configured.CurrentValue.Tenants;
            var answer = Volatile.Read(ref registry);
            if (answer is null || clock.GetUtcNow() - answer.At > TimeSpan.FromSeconds(options.Value.MaxAgeSeconds)) return fromConfiguration;
            var last = Volatile.Read(ref merged);
            if (last is not null && ReferenceEquals(last.Configured, fromConfiguration) && ReferenceEquals(last.Answer, answer)) return last.Tenants;
            IReadOnlyCollection<OnboardedTenant> tenants =
            [
                .. fromConfiguration,
                .. answer.Tenants.Where(t => !fromConfiguration.Any(c => string.Equals(c.TenantId, t.TenantId, StringComparison.OrdinalIgnoreCase))),
            ];
            Volatile.Write(ref merged, new Merged(fromConfiguration, answer, tenants));
            return tenants;
        }
    }

    /// <summary>Takes the registry's answer, unless an answer of a later version was already taken (answers can cross).</summary>
    public void Accept(OnboardedTenantList answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var tenants = answer.Tenants.Select(ToOptions).ToList();
        var now = clock.GetUtcNow();
        while (true)
        {
            var current = Volatile.Read(ref registry);
            if (current is not null && current.Version > answer.Version) return;
            if (Interlocked.CompareExchange(ref registry, new RegistryAnswer(answer.Version, tenants, now), current) == current) return;
        }
    }

    private static OnboardedTenant ToOptions(TenantOnboarding t)
    {
        var tenant = new OnboardedTenant { TenantId = t.TenantId, Name = t.Name };
        tenant.OrgIds.AddRange(t.OrgIds);
        tenant.Roles.AddRange(t.Roles.Where(r => r != PlatformRoles.PlatformAdministrator));
        return tenant;
    }
}
