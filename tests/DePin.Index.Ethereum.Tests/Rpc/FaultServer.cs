using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>
/// A deliberately misbehaving HTTP/1.1 server on 127.0.0.1 for fault-injection tests. Each request is handed to
/// the script with the raw connection stream; the script writes whatever bytes it wants (or nothing) and
/// returns whether to keep the connection open for the next request.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FaultRequest, Stream, CancellationToken, Task<bool>> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly Task _accepting;
    private int _count;

    public FaultServer(Func<FaultRequest, Stream, CancellationToken, Task<bool>> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public IReadOnlyList<FaultRequest> Requests => [.. _requests];

    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Writes a complete HTTP response with a Content-Length.</summary>
    public static async Task<bool> ReplyAsync(Stream stream, int status, string body, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, [$"Content-Length: {bytes.Length}", .. headers]);
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
        return true;
    }

    public static Task<bool> OkAsync(Stream stream, string body) => ReplyAsync(stream, 200, body, "Content-Type: application/json");

    public static async Task WriteHeadAsync(Stream stream, int status, IEnumerable<string> headers)
    {
        var reason = status switch { 200 => "OK", 404 => "Not Found", 429 => "Too Many Requests", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status" };
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        foreach (var h in headers) head.Append(h).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (InvalidOperationException)
        {
            // "Not listening": the listener was stopped while an accept was being set up
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ReadRequestAsync(stream, _stop.Token) is { } body)
                {
                    var request = new FaultRequest(Interlocked.Increment(ref _count) - 1, body);
                    _requests.Enqueue(request);
                    if (!await _script(request, stream, _stop.Token)) break;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away or the server stops: both are normal here
            }
        }
    }

    /// <summary>Reads one request (headers + Content-Length body); null when the connection closed first.</summary>
    private static async Task<string?> ReadRequestAsync(Stream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, ct) == 0) return null;
            head.Add(one[0]);
        }
        var text = Encoding.ASCII.GetString([.. head]);
        var length = 0;
        foreach (var line in text.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return Encoding.UTF8.GetString(body);
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
