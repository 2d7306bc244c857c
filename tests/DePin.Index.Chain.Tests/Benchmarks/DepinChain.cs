using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;
using DePin.Index.Subgraph.Manifest;
using ManifestContract = DePin.Index.Subgraph.Manifest.DeployedContract;

namespace DePin.Index.Chain.Tests.Benchmarks;

/// <summary>
/// A private anvil (<see cref="PrunedAnvil"/>) with the DePIN contracts deployed and a simulation run on it, plus the DePIN subgraph's manifest
/// rendered for those contracts (subgraphs/depin/subgraph.template.yaml) — the data sources the indexer will stream.
/// </summary>
internal sealed class DepinChain : IAsyncDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly PrunedAnvil _anvil;
    private readonly JsonRpcClient _client;

    private DepinChain(DirectoryInfo dir, PrunedAnvil anvil, JsonRpcClient client, SubgraphManifest manifest, SimulationTotals totals)
    {
        _dir = dir;
        _anvil = anvil;
        _client = client;
        Manifest = manifest;
        Totals = totals;
    }

    public string RpcUrl => _anvil.RpcUrl.ToString();

    public SubgraphManifest Manifest { get; }

    public SimulationTotals Totals { get; }

    public static async Task<DepinChain> StartAsync(SimulationOptions simulation, CancellationToken ct = default)
    {
        var paths = RepoPaths.Find();
        await Prerequisites.CompileContractsAsync(paths, null, ct);
        var dir = Directory.CreateTempSubdirectory("depin-chain-bench-");
        var anvil = await PrunedAnvil.StartAsync(paths.AnvilBinary, Path.Combine(dir.FullName, "anvil-cache"), ct);
        var client = new JsonRpcClient(new JsonRpcClientOptions { Url = anvil.RpcUrl, Timeout = TimeSpan.FromMinutes(2) });
        var rpc = new EthRpc(client);
        var key = DevnetContracts.OperatorKey();
        var (deployed, _) = await DevnetContracts.DeployAsync(rpc, paths.ContractsBuild, key, null, ct);
        var state = new DevnetState();
        foreach (var (name, (address, block)) in deployed) state.Contracts[name] = new Devnet.DeployedContract(address.ToChecksumString(), block);
        var contracts = DepinContracts.Load(state, paths.ContractsBuild);
        var totals = await new SimulationRunner(rpc, contracts, key).RunAsync(simulation, null, ct);

        var subgraph = Path.Combine(paths.Root, "subgraphs", "depin");
        var rendered = ManifestTemplate.Render(
            await File.ReadAllTextAsync(Path.Combine(subgraph, "subgraph.template.yaml"), ct),
            deployed.ToDictionary(c => c.Key, c => new ManifestContract(c.Value.Address.ToChecksumString(), c.Value.Block)));
        var manifest = SubgraphManifest.Parse(rendered, Path.Combine(subgraph, "subgraph.yaml"), subgraph);
        return new DepinChain(dir, anvil, client, manifest, totals);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _anvil.DisposeAsync();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // anvil may still be flushing its log
        }
    }
}
