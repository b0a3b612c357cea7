using System.Net;
using System.Net.Sockets;

namespace Inventory.LocalPostgres;

public static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that is free now (the system picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Whether nothing listens on <paramref name="port"/> on the loopback addresses now. A listener on the
    /// wildcard address (0.0.0.0 or [::]) holds the loopback port too, so binding is the honest test.
    /// </summary>
    public static bool IsFree(int port)
    {
        IPAddress[] addresses = Socket.OSSupportsIPv6 ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : [IPAddress.Loopback];
        foreach (var address in addresses)
        {
            try
            {
                using var listener = new TcpListener(address, port);
                listener.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return false;
            }
            catch (SocketException) // e.g. no IPv6 loopback configured: nothing can hold that port there
            {
            }
        }
        return true;
    }
}
