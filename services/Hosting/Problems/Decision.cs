namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// What a pure <c>Decide(command, state)</c> returns: the new events, or a <see cref="Refusal"/>.
/// Written as a decision reads: <c>return [new ConsentPaused(…)];</c> for events (a collection
/// expression), <c>return Refusal.Conflict("…");</c> for a refusal, <c>return [];</c> for nothing to do.
/// </summary>
/// <remarks>
/// A refused decision has no events: enumerating it is a bug and throws, so code that forgets to ask
/// <see cref="IsRefused"/> fails closed (a 500, nothing appended) instead of treating a refusal as
/// "nothing changed".
/// </remarks>
[CollectionBuilder(typeof(Decision), nameof(Of))]
public readonly struct Decision : IEnumerable<object>
{
    private readonly object[]? events;

    private Decision(object[]? events, Refusal? refusal)
    {
        this.events = events;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    /// <summary>The events decided; throws for a refused decision.</summary>
    public IReadOnlyList<object> Events => Refusal is null
        ? events ?? []
        : throw new InvalidOperationException($"A refused decision has no events ({Refusal.Status}: {Refusal.Detail}).");

    public static Decision Of(ReadOnlySpan<object> events) => new(events.ToArray(), null);

    public static Decision Refuse(Refusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);

    public IEnumerator<object> GetEnumerator() => Events.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
