using System.Buffers.Binary;
using DePin.Index.Devnet;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// A private anvil (free port, own log in a temp folder) with "emitter" contracts placed by anvil_setCode. An
/// emitter's call data is (topic0, count, firstId): it emits <c>count</c> logs LOG2(topic0, id) with id = firstId,
/// firstId + 1, … and data = the loop index, so every log is identifiable and tests can tell them apart.
/// </summary>
internal sealed class TestChain : IAsyncDisposable
{
    /// <summary>Anvil's first dev account (unlocked: eth_sendTransaction signs for it).</summary>
    public static readonly Address Dev = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    /// <summary>The event the emitters emit in the tests' manifests.</summary>
    public const string PingSignature = "Ping(indexed uint256,uint256)";

    public const string PongSignature = "Pong(indexed uint256,uint256)";

    public static readonly Hash32 Ping = Hash32.Of("Ping(uint256,uint256)");
    public static readonly Hash32 Pong = Hash32.Of("Pong(uint256,uint256)");

    // PUSH1 0; loop: DUP1 PUSH1 32 CALLDATALOAD GT ISZERO PUSH1 end JUMPI; DUP1 PUSH1 0 MSTORE;
    // DUP1 PUSH1 64 CALLDATALOAD ADD PUSH1 0 CALLDATALOAD PUSH1 32 PUSH1 0 LOG2; PUSH1 1 ADD PUSH1 2 JUMP; end: STOP
    private static readonly byte[] EmitterCode = Convert.FromHexString(
        "6000" + "5b" + "80" + "6020" + "35" + "11" + "15" + "6023" + "57" + "80" + "6000" + "52" +
        "80" + "6040" + "35" + "01" + "6000" + "35" + "6020" + "6000" + "a2" + "6001" + "01" + "6002" + "56" + "5b" + "00");

    private readonly DirectoryInfo _dir;
    private readonly AnvilServer _anvil;
    private readonly JsonRpcClient _client;

    private TestChain(DirectoryInfo dir, AnvilServer anvil, JsonRpcClient client)
    {
        _dir = dir;
        _anvil = anvil;
        _client = client;
        Rpc = new EthRpc(client);
    }

    public EthRpc Rpc { get; }

    public Uri RpcUrl => _anvil.RpcUrl;

    public static async Task<TestChain> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("depin-chain-test-");
        var anvil = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = RepoPaths.Find().AnvilBinary,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(dir.FullName, "anvil.log"),
        });
        var client = new JsonRpcClient(new JsonRpcClientOptions { Url = anvil.RpcUrl, Timeout = TimeSpan.FromMinutes(1) });
        return new TestChain(dir, anvil, client);
    }

    /// <summary>An emitter at a fixed address derived from <paramref name="n"/>.</summary>
    public async Task<Address> EmitterAsync(int n)
    {
        var raw = new byte[20];
        raw[0] = 0xee;
        BinaryPrimitives.WriteInt32BigEndian(raw.AsSpan(16), n);
        var address = new Address(raw);
        await _client.CallAsync("anvil_setCode", [address, EmitterCode], RpcJson.ReadElement, CancellationToken.None);
        return address;
    }

    /// <summary>One transaction (mined in its own block with automine) emitting <paramref name="count"/> logs.</summary>
    public async Task<TransactionReceipt> EmitAsync(Address emitter, Hash32 topic0, int count, long firstId)
    {
        var hash = await Rpc.SendTransactionAsync(new CallRequest { From = Dev, To = emitter, Data = CallData(topic0, count, firstId), Gas = 30_000 + (2_000L * count) });
        var receipt = await Rpc.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30));
        Assert.True(receipt.Succeeded, $"emit {count} logs: transaction reverted");
        Assert.Equal(count, receipt.Logs.Count);
        return receipt;
    }

    /// <summary>
    /// Several emits in ONE block, in this order (automine is switched off while they are sent, then one block is
    /// mined).
    /// </summary>
    public async Task<IReadOnlyList<TransactionReceipt>> EmitInOneBlockAsync(params (Address Emitter, Hash32 Topic0, int Count, long FirstId)[] emits)
    {
        await Rpc.SetAutomineAsync(false);
        var hashes = new List<Hash32>();
        try
        {
            foreach (var (emitter, topic0, count, firstId) in emits)
            {
                hashes.Add(await Rpc.SendTransactionAsync(new CallRequest { From = Dev, To = emitter, Data = CallData(topic0, count, firstId), Gas = 30_000 + (2_000L * count) }));
            }
            await Rpc.EvmMineAsync();
        }
        finally
        {
            await Rpc.SetAutomineAsync(true);
        }
        var receipts = new List<TransactionReceipt>();
        foreach (var h in hashes) receipts.Add(await Rpc.WaitForReceiptAsync(h, TimeSpan.FromSeconds(30)));
        Assert.Single(receipts.Select(r => r.BlockNumber).Distinct());
        return receipts;
    }

    public Task MineAsync(long blocks = 1) => Rpc.MineAsync(blocks);

    public Task<long> HeadAsync() => Rpc.BlockNumberAsync();

    private static byte[] CallData(Hash32 topic0, int count, long firstId)
    {
        var data = new byte[96];
        topic0.CopyTo(data);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(56), count);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(88), firstId);
        return data;
    }

    /// <summary>The id (topic 1) of an emitter log.</summary>
    public static long IdOf(Log log) => BinaryPrimitives.ReadInt64BigEndian(log.Topics[1].ToArray().AsSpan(24));

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
            // anvil may still flush its log; the temp folder is left behind
        }
    }
}
