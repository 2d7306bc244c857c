using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Protocol;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// A connection to the protocol for one command: the JSON-RPC endpoint (<c>--rpc</c>, else DEPIN_RPC_URL, else the
/// devnet's anvil) and the six contracts recorded in the devnet's state.json, through the typed
/// <see cref="ProtocolClient"/> (which simulates every transaction first: a revert becomes a plain message).
/// </summary>
internal sealed class ProtocolSession : IDisposable
{
    private readonly JsonRpcClient _rpcClient;

    private ProtocolSession(JsonRpcClient rpcClient, ProtocolClient client, long deployedAtBlock)
    {
        _rpcClient = rpcClient;
        Client = client;
        DeployedAtBlock = deployedAtBlock;
    }

    public ProtocolClient Client { get; }

    /// <summary>The block the protocol's token was deployed in: where event scans start.</summary>
    public long DeployedAtBlock { get; }

    public static async Task<ProtocolSession> OpenAsync(ProtocolEndpoint endpoint, CliEnvironment env, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var options = DevnetOptions.FromEnvironment();
        if (endpoint.DevnetDir is not null) options.Dir = endpoint.DevnetDir;
        var dir = options.ResolveDir();
        var state = DevnetState.Load(dir)
            ?? throw new CliException($"no devnet state in {dir}: run `depin devnet up` (or --dir for another devnet)");
        var url = endpoint.Rpc ?? env.Variable(CliEnvironment.RpcUrl) ?? state.RpcUrl
            ?? throw new CliException($"no chain: give --rpc URL, set {CliEnvironment.RpcUrl}, or start the devnet (`depin devnet up`)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new CliException($"the RPC URL '{url}' is not an http(s) URL");
        }
        var addresses = ProtocolAddresses.FromState(state);
        var rpcClient = new JsonRpcClient(new JsonRpcClientOptions { Url = uri, MaxRetries = 1, Timeout = TimeSpan.FromSeconds(20) });
        try
        {
            var client = await ProtocolClient.ConnectAsync(new EthRpc(rpcClient), addresses, ct: ct).ConfigureAwait(false);
            var from = state.Contracts.TryGetValue(ProtocolDeployment.ProtocolToken, out var token) ? token.Block : 0;
            return new ProtocolSession(rpcClient, client, from);
        }
        catch
        {
            rpcClient.Dispose();
            throw;
        }
    }

    public void Dispose() => _rpcClient.Dispose();
}
