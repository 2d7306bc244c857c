using DePin.Index.Chain;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// One network of an indexing service: its JSON-RPC client, the chain reader its runners stream from, the
/// <c>ethereum.call</c> adapter of their mappings, and a head tracker polling <c>eth_blockNumber</c> for status reports (a
/// failed poll is kept as <see cref="LastError"/>; it never affects indexing).
/// </summary>
internal sealed class ChainConnection : IAsyncDisposable
{
    private readonly JsonRpcClient _client;
    private readonly HttpClient? _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _tracker;
    private long _head = -1;

    public ChainConnection(string name, NetworkOptions options)
    {
        Name = name;
        Options = options;
        var rpcOptions = options.Rpc ?? new JsonRpcClientOptions();
        rpcOptions.Url = options.RpcUrl;
        if (options.HttpHandler is { } handler)
        {
            _http = new HttpClient(handler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        _client = new JsonRpcClient(rpcOptions, _http);
        Rpc = new EthRpc(_client);
        Reader = new EthRpcChainReader(Rpc);
        Calls = new EthRpcCallAdapter(Rpc);
        _tracker = Task.Run(() => TrackAsync(_stop.Token));
    }

    public string Name { get; }

    public NetworkOptions Options { get; }

    public EthRpc Rpc { get; }

    public IChainReader Reader { get; }

    public EthRpcCallAdapter Calls { get; }

    /// <summary>The last head seen; null before the first answer.</summary>
    public long? Head => Interlocked.Read(ref _head) is var h && h >= 0 ? h : null;

    public string? LastError { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _tracker.ConfigureAwait(false);
        _stop.Dispose();
        _client.Dispose();
        _http?.Dispose();
    }

    private async Task TrackAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Interlocked.Exchange(ref _head, await Rpc.BlockNumberAsync(cancellationToken).ConfigureAwait(false));
                LastError = null;
                await Task.Delay(Options.HeadPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LastError = e.Message;
                try
                {
                    await Task.Delay(Options.HeadPollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
