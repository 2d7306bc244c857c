using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DePin.Index.Devnet.Internal;

/// <summary>
/// Asks a PostgreSQL server over TCP, without psql or a driver, whether a database accepts connections: sends a
/// protocol 3.0 StartupMessage (user, database) and reads the first reply. With trust authentication the server
/// answers 'R' (AuthenticationOk) when the database exists and accepts sessions, 'E' otherwise (starting up,
/// shutting down, unknown database).
/// </summary>
internal static class PostgresProbe
{
    public static async Task<bool> AcceptsAsync(int port, string user, string database, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(StartupMessage(user, database), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var reply = new byte[9];
            var read = 0;
            while (read < reply.Length)
            {
                var n = await socket.ReceiveAsync(reply.AsMemory(read), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            // AuthenticationOk = 'R', int32 length 8, int32 code 0.
            var ok = read == 9 && reply[0] == (byte)'R' && BinaryPrimitives.ReadInt32BigEndian(reply.AsSpan(5)) == 0;
            if (ok) await socket.SendAsync(Terminate, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            return ok;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static readonly byte[] Terminate = [(byte)'X', 0, 0, 0, 4];

    private static byte[] StartupMessage(string user, string database)
    {
        var body = Encoding.UTF8.GetBytes($"user\0{user}\0database\0{database}\0application_name\0depin-devnet-probe\0\0");
        var message = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(message, message.Length);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), 196608); // protocol 3.0
        body.CopyTo(message, 8);
        return message;
    }
}
