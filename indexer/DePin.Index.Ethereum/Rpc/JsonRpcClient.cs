using System.Text.Json;
using DePin.Index.Ethereum.Rpc.Internal;
using Polly;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// A JSON-RPC 2.0 client over HTTP POST. Single calls, streamed list results (for large <c>eth_getLogs</c>
/// answers) and batches; each attempt has a time limit, transient failures are retried with exponential backoff
/// and jitter (see <see cref="JsonRpcClientOptions"/>). Failures surface as <see cref="JsonRpcException"/> (the
/// node's error object), <see cref="RpcTransportException"/> (HTTP, connection, timeout) or
/// <see cref="RpcProtocolException"/> (a malformed answer). Thread-safe; share one instance per endpoint.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly JsonRpcClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly HttpTransport _transport;
    private readonly ResiliencePipeline _pipeline;
    private long _nextId;
    private long _httpRequests;

    /// <summary>A client for <paramref name="url"/> with default options.</summary>
    public JsonRpcClient(string url) : this(new JsonRpcClientOptions { Url = new Uri(url) })
    {
    }

    /// <summary>
    /// A client with the given options. When <paramref name="httpClient"/> is null the client creates (and
    /// disposes) its own; a supplied one is not disposed and its own <see cref="HttpClient.Timeout"/> also applies.
    /// </summary>
    public JsonRpcClient(JsonRpcClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Copy();
        if (httpClient is null)
        {
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = _options.Timeout,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            };
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
        _transport = new HttpTransport(_http, _options);
        _pipeline = RetryPipeline.Create(_options);
    }

    /// <summary>The endpoint.</summary>
    public Uri Url => _options.Url!;

    /// <summary>HTTP requests made so far, retries included (a batch is one request per attempt).</summary>
    public long HttpRequestCount => Interlocked.Read(ref _httpRequests);

    /// <summary>Calls <paramref name="method"/> and parses its result with <paramref name="parser"/>.</summary>
    public Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters, RpcResultParser<T> parser, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, parser, null, cancellationToken);

    /// <summary>As <see cref="CallAsync{T}(string, IReadOnlyList{object?}?, RpcResultParser{T}, CancellationToken)"/> with a per-attempt timeout for this call.</summary>
    public Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters, RpcResultParser<T> parser, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parser);
        var id = NextId();
        var body = RpcRequestWriter.Single(id, method, parameters);
        return ExecuteAsync(method, body, timeout, (sr, ct) => ResponseReader.ReadSingleAsync(sr, method, id, parser, ct), cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/> and returns its result as a detached <see cref="JsonElement"/>.</summary>
    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, RpcJson.ReadElement, null, cancellationToken);

    /// <summary>
    /// Calls a method whose result is a JSON array and parses it element by element while the body streams in:
    /// memory holds the parsed elements and one element's bytes, not the body. A null or non-array result is an
    /// <see cref="RpcProtocolException"/>.
    /// </summary>
    public Task<IReadOnlyList<T>> CallListAsync<T>(string method, IReadOnlyList<object?>? parameters, RpcResultParser<T> elementParser,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(elementParser);
        var id = NextId();
        var body = RpcRequestWriter.Single(id, method, parameters);
        return ExecuteAsync<IReadOnlyList<T>>(method, body, timeout,
            async (sr, ct) => await ResponseReader.ReadListAsync(sr, method, id, elementParser, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>A new, empty batch bound to this client.</summary>
    public JsonRpcBatch CreateBatch() => new(this);

    internal long NextId() => Interlocked.Increment(ref _nextId);

    internal Task SendBatchAsync(JsonRpcBatch batch, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var entries = batch.Entries;
        var label = $"batch of {entries.Count} ({string.Join(", ", entries.Select(e => e.Method).Distinct().Take(3))})";
        var body = RpcRequestWriter.Batch(entries);
        return ExecuteAsync(label, body, timeout, async (sr, ct) =>
        {
            await ResponseReader.ReadBatchAsync(sr, label, entries, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    private async Task<T> ExecuteAsync<T>(string method, byte[] body, TimeSpan? timeout,
        Func<JsonStreamReader, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var limit = timeout ?? _options.Timeout;
        try
        {
            return await _pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                Interlocked.Increment(ref _httpRequests);
                return await _transport.SendAsync(method, body, limit, read, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcTransportException e)
        {
            e.Attempts = attempts;
            throw;
        }
        catch (RpcProtocolException e)
        {
            e.Attempts = attempts;
            throw;
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
