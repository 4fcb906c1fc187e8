namespace ConsentPlatform.Consent;

/// <summary>
/// Names this service's assembly for <c>WebApplicationFactory&lt;T&gt;</c>: the top-level
/// <c>Program</c> stays internal, so that the four services' entry points never clash in a test
/// project that hosts them all.
/// </summary>
public sealed class ConsentEntryPoint;
