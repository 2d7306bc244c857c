using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 in front of a JSON-RPC node that spoils a share of the calls (which calls: seeded random;
/// which fault: the kinds below in turn) the way
/// networks, load balancers and rate limiters do. It speaks HTTP over raw sockets, so the faults are real at the transport:
/// <list type="bullet">
/// <item><c>drop</c>: the connection is closed without an answer (half of them before the node sees the request, half after);</item>
/// <item><c>5xx</c>: 500, 502 or 503 without a body;</item>
/// <item><c>429</c>: Too Many Requests with <c>Retry-After: 0</c>;</item>
/// <item><c>truncated</c>: the node's answer with its full Content-Length but only part of the body, then the connection closes;</item>
/// <item><c>delay</c>: the answer comes 0.2–1.5 s late, otherwise intact.</item>
/// </list>
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly string[] Kinds = ["drop", "5xx", "429", "truncated", "delay"];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly Uri _target;
    private readonly Random _random;
    private readonly double _rate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, int> _injected = [];
    private long _calls;
    private int _faults;

    public FaultInjectingProxy(Uri target, double faultRate, int seed)
    {
        _target = target;
        _rate = faultRate;
        _random = new Random(seed);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>When false, every call passes unharmed (e.g. for the last stretch of a test).</summary>
    public bool Enabled { get; set; } = true;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<string, int> Injected
    {
        get
        {
            lock (_injected)
            {
                return new Dictionary<string, int>(_injected);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (await ReadRequestAsync(stream) is { } body)
                {
                    Interlocked.Increment(ref _calls);
                    if (!await AnswerAsync(stream, body, PickFault()))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or HttpRequestException)
            {
                // The client went away, or the proxy stops.
            }
        }
    }

    /// <summary>Answers one call; false when the connection must be closed.</summary>
    private async Task<bool> AnswerAsync(NetworkStream stream, byte[] body, string? fault)
    {
        switch (fault)
        {
            case "drop" when Roll() < 0.5:
                return false;
            case "5xx":
                var code = new[] { 500, 502, 503 }[Roll() < 0.33 ? 0 : Roll() < 0.5 ? 1 : 2];
                await WriteAsync(stream, $"HTTP/1.1 {code} Upstream Trouble\r\nContent-Length: 0\r\n\r\n", ReadOnlyMemory<byte>.Empty);
                return true;
            case "429":
                await WriteAsync(stream, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n", ReadOnlyMemory<byte>.Empty);
                return true;
        }

        if (fault == "delay")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200 + (Roll() * 1300)), _stop.Token);
        }

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _upstream.PostAsync(_target, content, _stop.Token);
        var answer = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        switch (fault)
        {
            case "drop":
                return false; // the node did the work, the answer is lost
            case "truncated":
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {answer.Length}\r\n\r\n";
                await WriteAsync(stream, head, answer.AsMemory(0, answer.Length / 2));
                return false;
            default:
                await WriteAsync(stream, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\nContent-Type: application/json\r\nContent-Length: {answer.Length}\r\n\r\n", answer);
                return true;
        }
    }

    private string? PickFault()
    {
        if (!Enabled || Roll() >= _rate)
        {
            return null;
        }

        var kind = Kinds[(Interlocked.Increment(ref _faults) - 1) % Kinds.Length]; // in turn: five faults show every kind
        lock (_injected)
        {
            _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
        }

        return kind;
    }

    private double Roll()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }

    private async Task WriteAsync(NetworkStream stream, string head, ReadOnlyMemory<byte> body)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        if (!body.IsEmpty)
        {
            await stream.WriteAsync(body, _stop.Token);
        }

        await stream.FlushAsync(_stop.Token);
    }

    /// <summary>One request's body (null at the end of the connection); only Content-Length bodies (what HttpClient sends for JSON).</summary>
    private async Task<byte[]?> ReadRequestAsync(NetworkStream stream)
    {
        var header = new List<byte>(512);
        var one = new byte[1];
        while (header.Count < 4 || header[^4] != '\r' || header[^3] != '\n' || header[^2] != '\r' || header[^1] != '\n')
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            header.Add(one[0]);
        }

        var length = 0;
        foreach (var line in Encoding.ASCII.GetString([.. header]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return body;
    }
}
