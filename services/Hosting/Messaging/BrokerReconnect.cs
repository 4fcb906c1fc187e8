using MassTransit;

namespace ConsentPlatform.Hosting.Messaging;

/// <summary>
/// Reconnects to RabbitMQ within about a second of its return (issue 23). MassTransit 8.5's RabbitMQ
/// host retries a lost connection on <c>Exponential(3 s … 30 s)</c>, plus a one-second pause, for every
/// receive endpoint and for sends: after a 20 s outage the next attempt could be ten seconds after the
/// broker was back, and every share in between was denied <c>check-unavailable</c> although everything
/// was healthy again (measured: 9.8 s in the fault suite).
/// <para>
/// The policy is a read-only property of MassTransit's host configuration, so it is replaced through its
/// backing field, before the bus starts. Only <em>when</em> to retry changes: the new policy handles
/// exactly the exceptions the transport's own policy handles (it asks that policy), every
/// <see cref="Interval"/>. MassTransit adds a fixed one-second pause after each failure (in its receive
/// transport's loop and in its send retry, <c>Transports/ReceiveTransport.cs</c> and
/// <c>HostConfigurationRetryExtensions.cs</c> in 8.5), which no setting changes, so an endpoint tries
/// again every ≈ 1.1 s and is back at most ≈ 1.2 s after the broker (it was 250 ms to 1 s on top of the
/// pause, growing across outages: back up to 2 s later, which put the first approval after an outage at
/// 1.2–2.7 s). While the broker is down that is one refused connection a second per endpoint, which costs
/// nothing worth counting. The same policy is MassTransit's send retry policy (8.5's
/// <c>SendTransportRetryPolicy</c> returns it), so a send waiting for the connection retries as often.
/// </para>
/// <para>
/// If a MassTransit release renames what this reaches for, <see cref="TryShorten"/> returns false and
/// the service keeps MassTransit's schedule (slower recovery, nothing else); the platform's integration
/// tests assert that it applies, so an upgrade that breaks it fails there first.
/// </para>
/// </summary>
public static class BrokerReconnect
{
    private const string PolicyProperty = "ReceiveTransportRetryPolicy";

    /// <summary>The wait before each new attempt, on top of MassTransit's fixed one-second pause.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Replaces the host's reconnect policy on a RabbitMQ bus configurator; false if it could not.</summary>
    public static bool TryShorten(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var host = FindHostConfiguration(configurator);
        if (host is null) return false;
        var backingField = FindField(host.GetType(), $"<{PolicyProperty}>k__BackingField");
        if (backingField?.GetValue(host) is not IRetryPolicy transportPolicy) return false;

        var quicker = Retry.CreatePolicy(r =>
        {
            // The transport's own judgement of what is worth retrying (a lost connection, a closed
            // channel) and what is not (a refused password).
            r.Handle<Exception>(transportPolicy.IsHandled);
            // Constant, not growing: MassTransit keeps one retry context across outages, so a growing
            // interval would make each outage's recovery slower than the last. Incremental by zero
            // rather than Interval, which builds an array of one entry per retry.
            r.Incremental(int.MaxValue, Interval, TimeSpan.Zero);
        });
        backingField.SetValue(host, quicker);
        return true;
    }

    /// <summary>The configurator's host configuration: the object among its fields that has the policy property.</summary>
    private static object? FindHostConfiguration(object configurator)
    {
        for (var type = configurator.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                var value = field.GetValue(configurator);
                if (value?.GetType().GetProperty(PolicyProperty, BindingFlags.Instance | BindingFlags.Public) is not null
                    && FindField(value.GetType(), $"<{PolicyProperty}>k__BackingField") is not null)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static FieldInfo? FindField(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            var field = t.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (field is not null) return field;
        }

        return null;
    }
}
