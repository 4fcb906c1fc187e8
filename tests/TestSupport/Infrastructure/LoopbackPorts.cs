namespace ConsentPlatform.TestSupport.Infrastructure;

public static class LoopbackPorts
{
    /// <summary>A loopback port free right now, as the operating system picks one.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
