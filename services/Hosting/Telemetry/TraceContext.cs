namespace ConsentPlatform.Hosting.Telemetry;

/// <summary>
/// One trace from the request to every consumer of what it changed (issue 24): events are
/// published by a Marten subscription after the request has ended, so the request's W3C
/// <c>traceparent</c> travels with each event as a Marten event header, and the forwarder
/// publishes under it. Without a listener (no exporter) nothing is recorded; the header is a few bytes.
/// </summary>
public static class TraceContext
{
    public const string Header = "traceparent";

    /// <summary>The activity source of the forwarding span; registered by <see cref="PlatformTelemetry"/>.</summary>
    public static readonly ActivitySource Forwarding = new("ConsentPlatform.Forwarding");

    /// <summary>The current trace context, as a <c>traceparent</c> value (null outside any trace).</summary>
    public static string? Current => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>Every event the session appends carries the current trace context.</summary>
    public static void Stamp(IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Current is { } traceparent) session.SetHeader(Header, traceparent);
    }

    /// <summary>These events carry <paramref name="traceparent"/> (captured where their request ran).</summary>
    public static void Stamp(IEnumerable<IEvent> events, string? traceparent)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (traceparent is null) return;
        foreach (var @event in events) @event.SetHeader(Header, traceparent);
    }

    /// <summary>A span under the trace the event was committed in, to publish it within; null if it has none or nobody listens.</summary>
    public static Activity? StartForwarding(IEvent @event, string contractName)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var traceparent = @event.Headers is { } headers && headers.TryGetValue(Header, out var value) ? value?.ToString() : null;
        return traceparent is not null && ActivityContext.TryParse(traceparent, null, out var parent)
            ? Forwarding.StartActivity($"forward {contractName}", ActivityKind.Producer, parent)
            : null;
    }
}
