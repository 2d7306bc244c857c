using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>One anvil per test class, with the log emitter deployed and a few transactions of logs mined.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilInstance? _anvil;
    private JsonRpcClient? _client;

    public AnvilInstance Anvil => _anvil ?? throw new InvalidOperationException("not started");
    public JsonRpcClient Client => _client ?? throw new InvalidOperationException("not started");
    public EthRpc Eth => new(Client);
    public Address Emitter { get; private set; }

    /// <summary>The blocks of the emit transactions (5, 7 and 3 logs).</summary>
    public IReadOnlyList<long> EmitBlocks { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _anvil = await AnvilInstance.StartAsync();
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(_anvil.Url), Timeout = TimeSpan.FromSeconds(20), MaxRetries = 1 });
        var eth = Eth;
        Emitter = await LogEmitter.DeployAsync(eth);
        var blocks = new List<long>();
        foreach (var n in (int[])[5, 7, 3])
        {
            var hash = await LogEmitter.EmitAsync(eth, Emitter, n);
            blocks.Add((await eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(10))).BlockNumber);
        }
        EmitBlocks = blocks;
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        _anvil?.Dispose();
        return Task.CompletedTask;
    }
}
