namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

/// <summary>The system clock, moved forward by <see cref="Offset"/> (to reach the end of a retention window).</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
