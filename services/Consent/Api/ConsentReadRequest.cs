namespace ConsentPlatform.Consent.Api;

/// <summary>
/// What every read of one consent is handed (<c>[AsParameters]</c>): the consent's id, the caller,
/// and the services the read uses; <see cref="ReadAsync"/> is the one visibility check before an
/// answer (the same rule as <c>GET /api/consents/{id}</c>).
/// </summary>
public sealed class ConsentReadRequest
{
    public Guid Id { get; init; }

    public ClaimsPrincipal User { get; init; } = null!;

    public IQuerySession Session { get; init; } = null!;

    public ConsentVisibility Visibility { get; init; } = null!;

    public TimeProvider Clock { get; init; } = null!;

    public CancellationToken CancellationToken { get; init; }

    public Caller Caller => Caller.From(User);

    /// <summary>The consent as it stands, for a caller who may read it, or the refusal (<see cref="ConsentVisibility.ReadAsync"/>).</summary>
    public Task<(ConsentState? Consent, Refusal? Refusal)> ReadAsync() => Visibility.ReadAsync(Session, Id, Caller, CancellationToken);
}
