using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>anvil's dev methods (snapshot, revert, mine, automine, balance), each test on its own chain.</summary>
public sealed class AnvilDevHelperTests : IAsyncLifetime
{
    private static readonly Address Somebody = Address.Parse("0x00000000000000000000000000000000DeaDBeef");
    private AnvilInstance? _anvil;
    private JsonRpcClient? _client;

    private EthRpc Eth => new(_client!);

    public async Task InitializeAsync()
    {
        _anvil = await AnvilInstance.StartAsync();
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(_anvil.Url), MaxRetries = 0 });
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        _anvil?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Mine_advances_the_head()
    {
        var eth = Eth;
        Assert.Equal(0, await eth.BlockNumberAsync());
        await eth.EvmMineAsync();
        Assert.Equal(1, await eth.BlockNumberAsync());
        await eth.MineAsync(10);
        Assert.Equal(11, await eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Snapshot_and_revert_restore_balance_and_height()
    {
        var eth = Eth;
        var snapshot = await eth.EvmSnapshotAsync();
        await eth.SetBalanceAsync(Somebody, BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
        await eth.MineAsync(3);
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), await eth.GetBalanceAsync(Somebody));
        Assert.True(await eth.EvmRevertAsync(snapshot));
        Assert.Equal(BigInteger.Zero, await eth.GetBalanceAsync(Somebody));
        Assert.Equal(0, await eth.BlockNumberAsync());
        Assert.False(await eth.EvmRevertAsync("0x99"));
    }

    [Fact]
    public async Task With_automine_off_a_transaction_waits_for_a_mine_call()
    {
        var eth = Eth;
        await eth.SetAutomineAsync(false);
        var hash = await eth.SendTransactionAsync(new CallRequest { From = AnvilInstance.Account0, To = Somebody, Value = 5 });
        Assert.Null(await eth.GetTransactionReceiptAsync(hash));
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(30)));
        Assert.Contains(hash.ToHex(), timeout.Message, StringComparison.Ordinal);
        var pending = await eth.GetTransactionByHashAsync(hash);
        Assert.NotNull(pending);
        Assert.Null(pending.BlockNumber);
        await eth.EvmMineAsync();
        var receipt = await eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(5));
        Assert.Equal(1, receipt.BlockNumber);
        Assert.Equal(5, await eth.GetBalanceAsync(Somebody));
        await eth.SetAutomineAsync(true);
    }

    [Fact]
    public async Task Raw_transaction_garbage_is_a_JsonRpcException()
    {
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => Eth.SendRawTransactionAsync(new byte[] { 0x02, 0xc0 }));
        Assert.Equal("eth_sendRawTransaction", e.Method);
        Assert.NotEqual(0, e.Code);
    }
}
