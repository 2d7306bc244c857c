using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.IntegrationTests.Simulation;

/// <summary>A private anvil on a free port with the DePIN contracts deployed by our own signer.</summary>
public sealed class DepinChainFixture : IAsyncLifetime
{
    private DirectoryInfo? _dir;
    private AnvilServer? _anvil;
    private JsonRpcClient? _client;

    public EthRpc Rpc { get; private set; } = null!;
    public DepinContracts Contracts { get; private set; } = null!;
    public string RpcUrl => _anvil!.RpcUrl.ToString();

    public async Task InitializeAsync()
    {
        var paths = RepoPaths.Find();
        await Prerequisites.CompileContractsAsync(paths, null, CancellationToken.None);
        _dir = Directory.CreateTempSubdirectory("depin-sim-test-");
        _anvil = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = paths.AnvilBinary,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(_dir.FullName, "anvil.log"),
        });
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = _anvil.RpcUrl });
        Rpc = new EthRpc(_client);
        var (deployed, _) = await DevnetContracts.DeployAsync(Rpc, paths.ContractsBuild, DevnetContracts.OperatorKey(), null);
        var state = new DevnetState();
        foreach (var (name, (address, block)) in deployed) state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
        Contracts = DepinContracts.Load(state, paths.ContractsBuild);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_anvil is not null) await _anvil.DisposeAsync();
        _dir?.Delete(recursive: true);
    }
}
