using DePin.Index.Devnet;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.TestSupport;

/// <summary>
/// A private anvil for one test class (chain state is shared by the class's tests, so each class gets its own):
/// the pinned binary from deploy/node_modules on a free port, stopped at the end.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilServer? _server;
    private DirectoryInfo? _dir;

    public Uri RpcUrl => _server?.RpcUrl ?? throw new InvalidOperationException("anvil is not started");

    public RepoPaths Paths { get; } = RepoPaths.Find();

    /// <summary>A JSON-RPC client of this chain.</summary>
    public EthRpc Rpc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("depin-tests-anvil-");
        _server = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = Paths.AnvilBinary,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(_dir.FullName, "anvil.log"),
        });
        Rpc = new EthRpc(new JsonRpcClient(new JsonRpcClientOptions { Url = _server.RpcUrl }));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _dir?.Delete(recursive: true);
    }
}
