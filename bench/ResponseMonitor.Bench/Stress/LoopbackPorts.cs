using System.Net.Sockets;

namespace ResponseMonitor.Bench.Stress;

/// <summary>Free loopback ports for the processes a stress run starts.</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
