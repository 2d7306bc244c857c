using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DePin.Index.Devnet.Internal;

/// <summary>
/// Asks a PostgreSQL server over TCP, without psql or a driver, whether a database accepts connections: sends a
/// protocol 3.0 StartupMessage (user, database) and reads the replies. With trust authentication the server sends
/// AuthenticationOk, parameters and ReadyForQuery when the database exists and accepts sessions, an ErrorResponse
/// otherwise (starting up, shutting down, unknown database).
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
            // AuthenticationOk comes before the database is opened, so read on until ReadyForQuery ('Z', the session
            // is usable) or ErrorResponse ('E': starting up, shutting down, unknown database, too many clients…).
            var header = new byte[5];
            while (true)
            {
                if (!await ReadExactlyAsync(socket, header, timeout.Token).ConfigureAwait(false)) return false;
                var type = (char)header[0];
                var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4;
                if (length < 0 || length > 1 << 20) return false;
                var body = new byte[length];
                if (!await ReadExactlyAsync(socket, body, timeout.Token).ConfigureAwait(false)) return false;
                switch (type)
                {
                    case 'R' when length >= 4 && BinaryPrimitives.ReadInt32BigEndian(body) != 0:
                        return false; // the server wants a password: not the devnet's trust setup
                    case 'Z':
                        await socket.SendAsync(Terminate, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                        return true;
                    case 'E':
                        return false;
                }
            }
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

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0) return false;
            read += n;
        }
        return true;
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
