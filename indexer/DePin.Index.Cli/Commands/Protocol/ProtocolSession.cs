using System.Numerics;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// A connection to the protocol: the JSON-RPC endpoint (<c>--rpc</c>, else DEPIN_RPC_URL, else the devnet's anvil)
/// and the six contracts' addresses (from the devnet's state.json). Calls are eth_call; a transaction is first
/// simulated (eth_call + eth_estimateGas) so a revert becomes a plain message before anything is signed and sent.
/// </summary>
internal sealed class ProtocolSession : IDisposable
{
    private readonly JsonRpcClient _client;
    private TransactionSender? _sender;

    private ProtocolSession(JsonRpcClient client, IReadOnlyDictionary<string, Address> contracts, long? deployedAtBlock)
    {
        _client = client;
        Rpc = new EthRpc(client);
        Token = contracts[ProtocolDeployment.ProtocolToken];
        Epochs = contracts[ProtocolDeployment.EpochManager];
        Registry = contracts[ProtocolDeployment.SubgraphRegistry];
        Curation = contracts[ProtocolDeployment.Curation];
        Staking = contracts[ProtocolDeployment.Staking];
        Fees = contracts[ProtocolDeployment.FeeSettlement];
        DeployedAtBlock = deployedAtBlock ?? 0;
    }

    public EthRpc Rpc { get; }
    public Address Token { get; }
    public Address Epochs { get; }
    public Address Registry { get; }
    public Address Curation { get; }
    public Address Staking { get; }
    public Address Fees { get; }

    /// <summary>The first block of the protocol's deployment (where event scans start).</summary>
    public long DeployedAtBlock { get; }

    public static ProtocolSession Open(ProtocolEndpoint endpoint, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var options = DevnetOptions.FromEnvironment();
        if (endpoint.DevnetDir is not null) options.Dir = endpoint.DevnetDir;
        var dir = options.ResolveDir();
        var state = DevnetState.Load(dir);
        var url = endpoint.Rpc ?? env.Variable(CliEnvironment.RpcUrl) ?? state?.RpcUrl
            ?? throw new CliException($"no chain: give --rpc URL, set {CliEnvironment.RpcUrl}, or start the devnet (`depin devnet up`; looked in {dir})");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new CliException($"--rpc '{url}' is not an http(s) URL");
        }
        var contracts = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var name in ProtocolDeployment.Names)
        {
            if (state?.Contracts.TryGetValue(name, out var deployed) != true || !Address.TryParse(deployed!.Address, out var address))
            {
                throw new CliException($"the protocol contract {name} is not recorded in {DevnetState.PathIn(dir)}: run `depin devnet up` (or --dir for another devnet)");
            }
            contracts[name] = address;
        }
        var client = new JsonRpcClient(new JsonRpcClientOptions { Url = uri, MaxRetries = 1, Timeout = TimeSpan.FromSeconds(20) });
        return new ProtocolSession(client, contracts, state!.Contracts[ProtocolDeployment.ProtocolToken].Block);
    }

    /// <summary>eth_call of a view; returns the decoded outputs.</summary>
    public async Task<object[]> CallAsync(ContractAbi abi, Address to, string function, object?[] args, CancellationToken ct, Address? from = null)
    {
        var fn = abi.GetFunction(function);
        try
        {
            var output = await Rpc.CallAsync(new CallRequest { From = from, To = to, Data = fn.EncodeCall(args) }, BlockParameter.Latest, ct).ConfigureAwait(false);
            return fn.DecodeOutput(output);
        }
        catch (JsonRpcException e) when (e.DataBytes is { } revert)
        {
            throw new CliException($"{function}: {RevertMessages.Explain(revert)}", e);
        }
    }

    public async Task<BigInteger> CallUIntAsync(ContractAbi abi, Address to, string function, object?[] args, CancellationToken ct) =>
        (BigInteger)(await CallAsync(abi, to, function, args, ct).ConfigureAwait(false))[0];

    /// <summary>
    /// Simulates the call from <paramref name="from"/> (a revert becomes a <see cref="CliException"/> with a plain
    /// message), then signs, sends and waits for the receipt. Returns the simulated outputs and the receipt.
    /// </summary>
    public async Task<(object[] Outputs, TransactionReceipt Receipt)> SendAsync(EthKey from, ContractAbi abi, Address to, string function,
        object?[] args, CancellationToken ct)
    {
        var fn = abi.GetFunction(function);
        var data = fn.EncodeCall(args);
        var call = new CallRequest { From = from.Address, To = to, Data = data };
        object[] outputs;
        long gas;
        try
        {
            outputs = fn.DecodeOutput(await Rpc.CallAsync(call, BlockParameter.Latest, ct).ConfigureAwait(false));
            gas = await Rpc.EstimateGasAsync(call, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.DataBytes is { } revert)
        {
            throw new CliException($"{function}: {RevertMessages.Explain(revert)}", e);
        }
        catch (JsonRpcException e)
        {
            throw new CliException($"{function}: the node refused the call: {e.RpcMessage}", e);
        }
        _sender ??= await TransactionSender.CreateAsync(Rpc, [ProtocolAbi.AllErrors], ct).ConfigureAwait(false);
        try
        {
            await _sender.SendAsync(from, to, data, (ulong)(gas * 5 / 4 + 20_000), function, ct: ct).ConfigureAwait(false);
            var (_, receipt) = (await _sender.ConfirmAsync(ct).ConfigureAwait(false))[0];
            return (outputs, receipt);
        }
        catch (TransactionFailedException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (JsonRpcException e)
        {
            throw new CliException($"{function}: the node refused the transaction: {e.RpcMessage}", e);
        }
    }

    /// <summary>Approves <paramref name="spender"/> for <paramref name="amount"/> unless the allowance already covers it; checks the balance first.</summary>
    public async Task<TransactionReceipt?> EnsureAllowanceAsync(EthKey from, Address spender, BigInteger amount, CancellationToken ct)
    {
        var balance = await CallUIntAsync(ProtocolAbi.Token, Token, "balanceOf", [from.Address], ct).ConfigureAwait(false);
        if (balance < amount)
        {
            throw new CliException($"insufficient token balance: {from.Address} holds {Dpi.Display(balance)}, needs {Dpi.Display(amount)}");
        }
        var allowance = await CallUIntAsync(ProtocolAbi.Token, Token, "allowance", [from.Address, spender], ct).ConfigureAwait(false);
        if (allowance >= amount) return null;
        return (await SendAsync(from, ProtocolAbi.Token, Token, "approve", [spender, amount], ct).ConfigureAwait(false)).Receipt;
    }

    public async Task<ulong> ChainIdAsync(CancellationToken ct) => (ulong)await Rpc.ChainIdAsync(ct).ConfigureAwait(false);

    public void Dispose() => _client.Dispose();
}
