using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Several calls sent as one HTTP request (a JSON array). Answers are matched by id in whatever order the node
/// returns them; an answer missing for any call fails the whole batch with an <see cref="RpcProtocolException"/>.
/// A JSON-RPC error for one call is kept on its <see cref="RpcBatchItem{T}"/>. A batch is sent once.
/// </summary>
public sealed class JsonRpcBatch
{
    private readonly JsonRpcClient _client;
    private readonly List<IBatchEntry> _entries = [];
    private bool _sent;

    internal JsonRpcBatch(JsonRpcClient client) => _client = client;

    /// <summary>Number of calls in the batch.</summary>
    public int Count => _entries.Count;

    internal IReadOnlyList<IBatchEntry> Entries => _entries;

    /// <summary>Adds a call; its result is read by <paramref name="parser"/> once the batch is sent.</summary>
    public RpcBatchItem<T> Add<T>(string method, IReadOnlyList<object?>? parameters, RpcResultParser<T> parser)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parser);
        if (_sent) throw new InvalidOperationException("the batch was already sent; create a new one");
        var item = new RpcBatchItem<T>(_client.NextId(), method, parameters, parser);
        _entries.Add(item);
        return item;
    }

    /// <summary>
    /// Sends all calls in one HTTP request (with the client's retries) and fills in every item. An empty batch
    /// sends nothing.
    /// </summary>
    public Task SendAsync(CancellationToken cancellationToken = default) => SendAsync(null, cancellationToken);

    /// <summary>As <see cref="SendAsync(CancellationToken)"/> with a per-attempt timeout for this batch only.</summary>
    public Task SendAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (_sent) throw new InvalidOperationException("the batch was already sent; create a new one");
        _sent = true;
        return _entries.Count == 0 ? Task.CompletedTask : _client.SendBatchAsync(this, timeout, cancellationToken);
    }
}
