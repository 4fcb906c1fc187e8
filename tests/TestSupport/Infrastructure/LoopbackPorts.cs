namespace ConsentPlatform.TestSupport.Infrastructure;

public static class LoopbackPorts
{
    // Not the port the operating system picks for "port 0": that comes from the kernel's ephemeral
    // range (32768–60999 here, /proc/sys/net/ipv4/ip_local_port_range), which the kernel also gives
    // any outgoing connection, so a port free a moment ago could be some client's by the time a
    // platform process bound it (seen in CI: "address already in use" for the security suite's
    // consent process, failing six tests). Ports from this range are never handed out by the kernel;
    // PrivateRabbitMqNode takes 21000–32700, the scripts' defaults sit outside it.
    private const int From = 10_000;
    private const int To = 20_000;

    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    /// <summary>A loopback port free right now, never handed out before by this process, outside the ephemeral range.</summary>
    public static int Free() => FreeBetween(From, To);

    /// <summary>A loopback port from <paramref name="from"/> to <paramref name="to"/> (exclusive), free right now and never handed out before by this process.</summary>
    public static int FreeBetween(int from, int to)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(from, to);
            lock (Gate)
            {
                if (!Given.Add(port)) continue;
            }

            if (IsFree(port)) return port;
        }

        throw new InvalidOperationException($"No free loopback port between {from} and {to}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
