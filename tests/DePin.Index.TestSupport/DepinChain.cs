using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;

namespace DePin.Index.TestSupport;

/// <summary>A private anvil on a free port with the DePIN contracts deployed by the devnet's operator key, and the simulator to drive it.</summary>
public sealed class DepinChain : IAsyncDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly AnvilServer _server;
    private readonly JsonRpcClient _client;

    private DepinChain(DirectoryInfo dir, AnvilServer server)
    {
        _dir = dir;
        _server = server;
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = server.RpcUrl, Timeout = TimeSpan.FromMinutes(2) });
        Rpc = new EthRpc(_client);
    }

    public Uri RpcUrl => _server.RpcUrl;

    public EthRpc Rpc { get; }

    public DepinContracts Contracts { get; private set; } = null!;

    /// <summary>Contract name → address and deployment block.</summary>
    public IReadOnlyDictionary<string, (Address Address, long Block)> Deployed { get; private set; } = null!;

    public static async Task<DepinChain> StartAsync()
    {
        var paths = RepoPaths.Find();
        await Prerequisites.CompileContractsAsync(paths, null, CancellationToken.None);
        var dir = Directory.CreateTempSubdirectory("depin-tests-chain-");
        var server = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = paths.AnvilBinary,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(dir.FullName, "anvil.log"),
        });
        var chain = new DepinChain(dir, server);
        var (deployed, _) = await DevnetContracts.DeployAsync(chain.Rpc, paths.ContractsBuild, DevnetContracts.OperatorKey(), null);
        chain.Deployed = deployed;
        var state = new DevnetState();
        foreach (var (name, (address, block)) in deployed)
        {
            state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
        }

        chain.Contracts = DepinContracts.Load(state, paths.ContractsBuild);
        return chain;
    }

    /// <summary>The DePIN contracts only (the data sources of subgraphs/depin).</summary>
    public IReadOnlyDictionary<string, (Address Address, long Block)> DepinContractsDeployed =>
        DepinContracts.Names.ToDictionary(n => n, n => Deployed[n]);

    public Task<SimulationTotals> SimulateAsync(SimulationOptions options, CancellationToken cancellationToken = default) =>
        new SimulationRunner(Rpc, Contracts, DevnetContracts.OperatorKey()).RunAsync(options, null, cancellationToken);

    public Task<long> HeadAsync() => Rpc.BlockNumberAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
