namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// What the consent's status allows now: <see cref="Pause"/> while it is active, <see cref="Withdraw"/>
/// while it is active or paused (withdrawn and expired are final). The same for whoever reads it:
/// it says what can be done to the consent, not what this caller may do.
/// </summary>
public sealed record ChangeOfMind(bool Pause, bool Withdraw);
