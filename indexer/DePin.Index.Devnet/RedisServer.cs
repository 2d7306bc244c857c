using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// A redis-server on 127.0.0.1 (`--save '' --appendonly no --daemonize no`), started detached with output to its
/// log file. Disposing the object stops the server; the devnet keeps only the <see cref="Record"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string CommandName = "redis-server";

    private RedisServer(ServiceRecord record)
    {
        Record = record;
    }

    public ServiceRecord Record { get; }

    /// <summary>127.0.0.1:PORT, the form StackExchange.Redis takes.</summary>
    public string Endpoint => $"127.0.0.1:{Record.Port}";

    public static async Task<RedisServer> StartAsync(RedisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = settings.Port > 0 ? settings.Port : FreePort.Any();
        var log = Path.GetFullPath(settings.LogPath);
        var dir = Path.GetDirectoryName(log)!;
        string[] args =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--dir", dir,
        ];
        var startedAt = DateTimeOffset.UtcNow;
        var pid = await DetachedProcess.StartAsync(settings.ServerPath, args, log, CommandName, dir, cancellationToken)
            .ConfigureAwait(false);
        var record = new ServiceRecord(pid, port, $"redis://127.0.0.1:{port}", log, startedAt, CommandName,
            ProcessTable.StartTicks(pid));
        var server = new RedisServer(record);

        var deadline = DateTime.UtcNow + settings.StartTimeout;
        while (!await PingAsync(port, cancellationToken).ConfigureAwait(false))
        {
            if (!ProcessTable.IsAlive(pid))
            {
                throw new DevnetException($"redis-server (port {port}) exited during start; {log} ends with:\n{LogTail.Read(log)}");
            }
            if (DateTime.UtcNow >= deadline)
            {
                await server.StopAsync(cancellationToken).ConfigureAwait(false);
                throw new DevnetException($"redis-server did not answer PING on port {port} within {settings.StartTimeout}");
            }
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
        return server;
    }

    /// <summary>Sends PING over a raw socket to 127.0.0.1:<paramref name="port"/>; true on +PONG.</summary>
    public static async Task<bool> PingAsync(int port, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token).ConfigureAwait(false);
            await socket.SendAsync("PING\r\n"u8.ToArray(), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = 0;
            while (read < 7)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
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

    /// <summary>True when the recorded process is alive and answers PING.</summary>
    public static async Task<bool> IsAnsweringAsync(ServiceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsProcessAlive() && await PingAsync(record.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the recorded redis-server: SIGTERM, SIGKILL after 10 s.</summary>
    public static Task StopAsync(ServiceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsProcessAlive()
            ? ProcessTable.StopAsync(record.Pid, TimeSpan.FromSeconds(10), cancellationToken)
            : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => StopAsync(Record, cancellationToken);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
