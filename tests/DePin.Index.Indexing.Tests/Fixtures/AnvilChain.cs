using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>A private anvil on a free port with the DePIN contracts deployed, and the simulator to drive it.</summary>
public class AnvilChain : IAsyncLifetime
{
    private DirectoryInfo? _dir;
    private AnvilServer? _anvil;
    private JsonRpcClient? _client;

    public EthRpc Rpc { get; private set; } = null!;

    public DepinContracts Contracts { get; private set; } = null!;

    /// <summary>Contract name → address and deployment block.</summary>
    public IReadOnlyDictionary<string, (Address Address, long Block)> Deployed { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var paths = RepoPaths.Find();
        await Prerequisites.CompileContractsAsync(paths, null, CancellationToken.None);
        _dir = Directory.CreateTempSubdirectory("depin-indexing-test-");
        _anvil = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = paths.AnvilBinary,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(_dir.FullName, "anvil.log"),
        });
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = _anvil.RpcUrl });
        Rpc = new EthRpc(_client);
        var (deployed, _) = await DevnetContracts.DeployAsync(Rpc, paths.ContractsBuild, DevnetContracts.OperatorKey(), null);
        Deployed = deployed;
        var state = new DevnetState();
        foreach (var (name, (address, block)) in deployed)
        {
            state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
        }

        Contracts = DepinContracts.Load(state, paths.ContractsBuild);
    }

    public async Task<SimulationTotals> SimulateAsync(SimulationOptions options)
    {
        SimulationProgress? last = null;
        try
        {
            return await new SimulationRunner(Rpc, Contracts, DevnetContracts.OperatorKey())
                .RunAsync(options, new Progress(p => last = p));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"simulation {options} failed after {last}: {e.Message}", e);
        }
    }

    /// <summary>Data source name → (address, start block) for the DePIN subgraph (its data sources are named after the contracts).</summary>
    public IReadOnlyDictionary<string, (Address, long)> DepinDataSources(params string[] names) =>
        (names.Length == 0 ? DepinContracts.Names : names).ToDictionary(n => n, n => (Deployed[n].Address, Deployed[n].Block));

    private sealed class Progress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        _dir?.Delete(recursive: true);
    }
}
