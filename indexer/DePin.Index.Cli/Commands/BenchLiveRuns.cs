using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Numerics;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Live;
using DePin.Index.Node;
using DePin.Index.Store;
using DePin.Index.Subgraph.Values;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>The measurements of `depin bench live` on one deployment served by two nodes (result cache on and off) over one Redis.</summary>
internal sealed class BenchLiveRuns(IAnsiConsole console, string connectionString, string postgresUrl, string redisUrl, int devices) : IAsyncDisposable
{
    private const string Query = "{ devices(first: 10, orderBy: rewards, orderDirection: desc) { id kind rewards proofs(first: 5) { id amount } } }";
    private const string Schema = """
        type Device @entity(immutable: false) { id: ID! kind: String! rewards: BigInt! proofs: [Proof!]! @derivedFrom(field: "device") }
        type Proof @entity(immutable: true) { id: ID! device: Device! amount: BigInt! }
        """;

    private readonly string _deploymentId = "Qm" + string.Concat(Enumerable.Range(0, 44).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[Random.Shared.Next(58)]));
    private readonly string _name = "bench/live-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _prefix = "bench" + Guid.NewGuid().ToString("N")[..8] + ":";
    private SubgraphStore? _store;
    private DeploymentStore? _deployment;
    private RedisBlockNoticeBus? _publisher;
    private NodeHost? _cached;
    private NodeHost? _uncached;
    private int _block;

    public async Task PrepareAsync(CancellationToken ct)
    {
        _store = await SubgraphStore.OpenAsync(connectionString, ct);
        _deployment = await _store.CreateDeploymentAsync(new DeploymentSpec(_deploymentId, Schema, "specVersion: 1.0.0", "devnet"), cancellationToken: ct);
        var mods = new List<EntityModification>();
        for (var i = 0; i < devices; i++)
        {
            mods.Add(Device($"d{i:D6}", i % 3 == 0 ? "wireless" : "storage", i, 1));
            mods.Add(Proof($"p{i:D6}", $"d{i:D6}", i + 1, 1));
        }

        _publisher = await RedisBlockNoticeBus.ConnectAsync(redisUrl, _prefix);
        _cached = await StartNodeAsync(cache: true, ct);
        _uncached = await StartNodeAsync(cache: false, ct);
        await _cached.Registry.CreateSubgraphAsync(_name, ct);
        await _cached.Registry.DeployAsync(new DeploymentRequest(_name, _deploymentId, "bench", "devnet", "1.0.0", null), ct);
        await CommitAsync(mods, ct);
        console.MarkupLine($"[grey]{devices:N0} devices and proofs written; nodes: cached HTTP {_cached.HttpPort} WS {_cached.WsPort}, uncached HTTP {_uncached.HttpPort}[/]");
    }

    /// <summary>Block committed (store transaction returned) → every subscriber holds the new result.</summary>
    public async Task LatencyAsync(int subscribers, int blocks, CancellationToken ct)
    {
        var received = new ConcurrentDictionary<string, ConcurrentBag<long>>(StringComparer.Ordinal);
        var sockets = new List<ClientWebSocket>();
        var readers = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = 0;
        for (var i = 0; i < subscribers; i++)
        {
            var ws = new ClientWebSocket();
            ws.Options.AddSubProtocol("graphql-transport-ws");
            await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{_cached!.WsPort}/subgraphs/name/{_name}"), ct);
            await SendAsync(ws, """{"type":"connection_init"}""", ct);
            await SendAsync(ws, """{"id":"1","type":"subscribe","payload":{"query":"subscription { device(id: \"d000000\") { rewards } }"}}""", ct);
            sockets.Add(ws);
            readers.Add(Task.Run(async () =>
            {
                var buffer = new byte[64 * 1024];
                var first = true;
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var r = await ws.ReceiveAsync(buffer, stop.Token);
                        if (r.MessageType == WebSocketMessageType.Close)
                        {
                            return;
                        }

                        var at = BlockNotice.NowMicros();
                        using var doc = JsonDocument.Parse(buffer.AsMemory(0, r.Count));
                        if (doc.RootElement.GetProperty("type").GetString() != "next")
                        {
                            continue;
                        }

                        var rewards = doc.RootElement.GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString()!;
                        if (first)
                        {
                            first = false;
                            Interlocked.Increment(ref ready);
                            continue; // the subscription's initial result
                        }

                        received.GetOrAdd(rewards, _ => []).Add(at);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException)
                {
                    // done
                }
            }, CancellationToken.None));
        }

        await Until(() => Volatile.Read(ref ready) >= subscribers, ct);
        var first = new List<double>();
        var last = new List<double>();
        for (var b = 1; b <= blocks; b++)
        {
            var value = 1_000_000 + _block + 1;
            var committed = await CommitAsync([Device("d000000", "wireless", value, 0)], ct);
            var key = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Until(() => received.TryGetValue(key, out var bag) && bag.Count >= subscribers, ct);
            var times = received[key].Order().ToList();
            first.Add((times[0] - committed) / 1000.0);
            last.Add((times[^1] - committed) / 1000.0);
            await Task.Delay(Random.Shared.Next(5, 30), ct);
        }

        await stop.CancelAsync();
        foreach (var ws in sockets)
        {
            ws.Abort();
            ws.Dispose();
        }

        await Task.WhenAll(readers);
        console.MarkupLine($"push latency, {subscribers} subscriber(s), {blocks} blocks: first client p50 [green]{P(first, 50):F2} ms[/] p99 {P(first, 99):F2} ms; " +
            $"last client p50 [green]{P(last, 50):F2} ms[/] p99 {P(last, 99):F2} ms max {last.Max():F2} ms");
    }

    /// <summary>The same query over HTTP, C clients, on the cached node (every answer but the first a hit) and the uncached one.</summary>
    public async Task ThroughputAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        foreach (var (label, node) in new[] { ("cache (Redis, hits)", _cached!), ("no cache (engine)", _uncached!) })
        {
            var hitsBefore = node.Live?.Metrics.CacheHits ?? 0;
            var (rate, p50, p99, errors) = await LoadAsync(node, concurrency, duration, ct);
            var hits = (node.Live?.Metrics.CacheHits ?? 0) - hitsBefore;
            console.MarkupLine($"{label}: [green]{rate:N0} req/s[/], p50 {p50:F2} ms, p99 {p99:F2} ms, {concurrency} clients over HTTP, cache hits {hits:N0}, errors {errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cached is not null)
        {
            await _cached.DisposeAsync();
        }

        if (_uncached is not null)
        {
            await _uncached.DisposeAsync();
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.RemoveDeploymentAsync(_deploymentId);
            await _store.DisposeAsync();
        }
    }

    private async Task<(double Rate, double P50, double P99, int Errors)> LoadAsync(NodeHost node, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        var url = new Uri(node.HttpUrl, $"/subgraphs/name/{_name}");
        var body = JsonSerializer.Serialize(new { query = Query });
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var measuring = false;
        var end = Stopwatch.GetTimestamp() + (long)((duration.TotalSeconds + 1) * Stopwatch.Frequency);
        var warm = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        long measuredFrom = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                var t1 = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode || !text.Contains("\"devices\"", StringComparison.Ordinal) || text.Contains("\"errors\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }

                if (t0 >= warm)
                {
                    if (!Volatile.Read(ref measuring))
                    {
                        Interlocked.CompareExchange(ref measuredFrom, t0, 0);
                        Volatile.Write(ref measuring, true);
                    }

                    latencies.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var seconds = (Stopwatch.GetTimestamp() - measuredFrom) / (double)Stopwatch.Frequency;
        var list = latencies.ToList();
        return (list.Count / seconds, P(list, 50), P(list, 99), errors);
    }

    private async Task<NodeHost> StartNodeAsync(bool cache, CancellationToken ct) =>
        await NodeHost.CreateBuilder(new NodeOptions
        {
            PostgresUrl = postgresUrl,
            HttpPort = 0,
            WsPort = 0,
            AdminPort = 0,
            StatusPort = 0,
            MetricsPort = 0,
            IpfsPort = 0,
            NodeId = "bench",
            AdminAllowAnonymous = true,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            Live = new LiveOptions { RedisUrl = redisUrl, RedisPrefix = _prefix, CacheEnabled = cache },
        }).StartAsync(ct);

    /// <summary>Writes the next block and announces it; the wall clock (Unix µs) when the store transaction returned.</summary>
    private async Task<long> CommitAsync(IReadOnlyList<EntityModification> changes, CancellationToken ct)
    {
        var n = _block + 1;
        var hash = Hash32.Of($"bench-live-{_deploymentId}-{n}");
        await _deployment!.WriteAsync(new WriteBatch(new BlockPtr(n, hash), changes.Select(m => m with { Block = n }).ToList()), ct);
        var committed = BlockNotice.NowMicros();
        await _publisher!.PublishAsync(new BlockNotice(_deploymentId, n, hash.ToHex(), changes.Select(c => c.EntityType).Distinct().ToArray()), ct);
        _block = n;
        return committed;
    }

    private static async Task Until(Func<bool> condition, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the subscribers did not receive the block's result within 10 s");
            }

            await Task.Delay(1, ct);
        }
    }

    private static Task SendAsync(ClientWebSocket ws, string json, CancellationToken ct) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static EntityModification Device(string id, string kind, BigInteger rewards, int block)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("kind", Value.FromString(kind));
        e.Set("rewards", Value.FromBigInt(rewards));
        return new EntityModification("Device", id, e, block, block == 1 ? ModificationKind.Insert : ModificationKind.Overwrite);
    }

    private static EntityModification Proof(string id, string device, BigInteger amount, int block)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("device", Value.FromString(device));
        e.Set("amount", Value.FromBigInt(amount));
        return EntityModification.Insert("Proof", id, e, block);
    }
}
