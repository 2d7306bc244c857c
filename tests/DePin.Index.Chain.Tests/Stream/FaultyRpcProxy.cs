using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of anvil that spoils a share of the answers the way real nodes and load
/// balancers do: HTTP 503, a body cut short, a body that is not JSON, and eth_getBlockByNumber answering null for a
/// block below the head. Seeded, so a run is repeatable. The stream sees these through the real JSON-RPC client.
/// </summary>
internal sealed class FaultyRpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly Random _random;
    private readonly double _rate;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public FaultyRpcProxy(Uri target, double faultRate, int seed)
    {
        _target = target;
        _rate = faultRate;
        _random = new Random(seed);
        var port = Devnet.FreePort.Pick();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Faults injected, by kind.</summary>
    public Dictionary<string, int> Injected { get; } = [];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string request;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) request = await reader.ReadToEndAsync();
            using var upstream = await _upstream.PostAsync(_target, new StringContent(request, Encoding.UTF8, "application/json"));
            var body = await upstream.Content.ReadAsStringAsync();
            var fault = PickFault(request);
            if (fault is not null) lock (Injected) Injected[fault] = Injected.GetValueOrDefault(fault) + 1;
            switch (fault)
            {
                case "503":
                    context.Response.StatusCode = 503;
                    context.Response.Close();
                    return;
                case "truncated":
                    body = body[..(body.Length / 2)];
                    break;
                case "not json":
                    body = "<html><body>502 Bad Gateway</body></html>";
                    break;
                case "null block":
                    body = NullFirstBlock(body);
                    break;
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // the client gave up on this request
        }
    }

    private string? PickFault(string request)
    {
        double roll;
        int kind;
        lock (_random)
        {
            roll = _random.NextDouble();
            kind = _random.Next(4);
        }
        if (roll >= _rate) return null;
        var blocks = request.Contains("\"eth_getBlockByNumber\"", StringComparison.Ordinal);
        return kind switch
        {
            0 => "503",
            1 => "truncated",
            2 => "not json",
            _ => blocks ? "null block" : "503",
        };
    }

    /// <summary>The first eth_getBlockByNumber result of a single or batch answer replaced by null.</summary>
    private static string NullFirstBlock(string body)
    {
        var node = JsonNode.Parse(body)!;
        var answer = node is JsonArray array ? array[0]! : node;
        answer["result"] = null;
        return node.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _upstream.Dispose();
        _stop.Dispose();
    }
}
