using DePin.Index.Chain;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Pipeline;

/// <summary>One chain an <see cref="IndexingService"/> indexes: where its JSON-RPC endpoint is and how deep its reorgs go.</summary>
public sealed record NetworkOptions
{
    /// <summary>The node's HTTP(S) JSON-RPC endpoint, e.g. <c>http://127.0.0.1:8545</c>. Required.</summary>
    public required Uri RpcUrl { get; init; }

    /// <summary>
    /// Blocks below the head after which blocks are final: scanned in eth_getLogs ranges and never reverted. Default 250
    /// (graph-node's ETHEREUM_REORG_THRESHOLD). <c>DEPIN_REORG_THRESHOLD</c> (all networks).
    /// </summary>
    public int ReorgThreshold { get; init; } = 250;

    /// <summary>Further block stream settings (the reorg threshold above wins); null = defaults.</summary>
    public BlockStreamOptions? Stream { get; init; }

    /// <summary>JSON-RPC client settings (timeouts, retries); the URL above wins; null = defaults.</summary>
    public JsonRpcClientOptions? Rpc { get; init; }

    /// <summary>
    /// Creates the HTTP handler the network's JSON-RPC client sends through (e.g. one that counts calls for metrics, with a
    /// <see cref="System.Net.Http.SocketsHttpHandler"/> inside); null = the client's own handler.
    /// </summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    /// <summary>How often the chain head is polled for status reports. Default 1 s.</summary>
    public TimeSpan HeadPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Parses graph-node's <c>--ethereum-rpc</c> form: <c>NAME:URL</c> items separated by spaces or commas, e.g.
    /// <c>devnet:http://127.0.0.1:8545 mainnet:https://rpc.example</c>.
    /// </summary>
    /// <exception cref="ArgumentException">naming the item that is not <c>NAME:URL</c> with an absolute http(s) URL.</exception>
    public static IReadOnlyDictionary<string, NetworkOptions> ParseList(string text, int reorgThreshold = 250)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, NetworkOptions>(StringComparer.Ordinal);
        foreach (var item in text.Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !Uri.TryCreate(item[(colon + 1)..], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{item}' is not NAME:URL with an http(s) URL (e.g. devnet:http://127.0.0.1:8545)", nameof(text));
            }

            result[item[..colon]] = new NetworkOptions { RpcUrl = url, ReorgThreshold = reorgThreshold };
        }

        return result;
    }
}
