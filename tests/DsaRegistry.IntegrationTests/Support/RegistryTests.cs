namespace ConsentPlatform.DsaRegistry.IntegrationTests.Support;

/// <summary>
/// A test class on the one registry host: each test gets a <see cref="Support.Registry"/> of its own
/// (xunit makes a new instance per test), so its pair of organisations is fresh.
/// </summary>
public abstract class RegistryTests(RegistryFixture fixture)
{
    protected RegistryFixture Fixture => fixture;

    protected Registry Registry { get; } = new(fixture);
}
