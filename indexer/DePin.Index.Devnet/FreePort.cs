using System.Net;
using System.Net.Sockets;

namespace DePin.Index.Devnet;

/// <summary>Loopback TCP ports for the devnet's servers: the preferred one when it is free, else one the kernel picks.</summary>
public static class FreePort
{
    /// <summary>
    /// <paramref name="preferred"/> if it is above 0, free on 127.0.0.1 and not in <paramref name="avoid"/>;
    /// otherwise a free port from the kernel (bind 127.0.0.1:0), again not in <paramref name="avoid"/>.
    /// The port is released before returning, so another process could take it before the server binds it.
    /// </summary>
    public static int Pick(int preferred = 0, IReadOnlyCollection<int>? avoid = null)
    {
        if (preferred > 0 && (avoid is null || !avoid.Contains(preferred)) && IsFree(preferred)) return preferred;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var port = Any();
            if (avoid is null || !avoid.Contains(port)) return port;
        }
        throw new DevnetException("no free loopback port found in 20 attempts");
    }

    /// <summary>True when nothing listens on (or holds) 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsFree(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(1);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port the kernel considers free right now on 127.0.0.1.</summary>
    public static int Any()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
