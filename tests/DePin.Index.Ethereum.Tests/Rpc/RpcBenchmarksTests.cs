using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>The eth_getLogs benchmark entry and chunked fetching against anvil with a few thousand logs.</summary>
public sealed class RpcBenchmarksTests : IAsyncLifetime
{
    private const int Transactions = 4;
    private const int LogsPerTransaction = 1500;
    private AnvilInstance? _anvil;
    private long _first;
    private long _last;

    public async Task InitializeAsync()
    {
        _anvil = await AnvilInstance.StartAsync();
        using var client = new JsonRpcClient(_anvil.Url);
        var eth = new EthRpc(client);
        var emitter = await LogEmitter.DeployAsync(eth);
        _first = await eth.BlockNumberAsync() + 1;
        for (var i = 0; i < Transactions; i++)
        {
            var hash = await LogEmitter.EmitAsync(eth, emitter, LogsPerTransaction, gas: 10_000_000);
            Assert.Equal(LogsPerTransaction, (await eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(20))).Logs.Count);
        }
        _last = await eth.BlockNumberAsync();
    }

    public Task DisposeAsync()
    {
        _anvil?.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task Fetches_every_log_of_the_range_whatever_the_chunk_size(int chunk)
    {
        var (logs, elapsed) = await RpcBenchmarks.FetchLogsAsync(_anvil!.Url, _first, _last, chunk, default);
        Assert.Equal(Transactions * LogsPerTransaction, logs);
        Assert.True(elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Logs_per_second_is_positive_and_an_empty_range_gives_zero()
    {
        Assert.True(await RpcBenchmarks.GetLogsPerSecondAsync(_anvil!.Url, _first, _last, 2, default) > 0);
        Assert.Equal(0, await RpcBenchmarks.GetLogsPerSecondAsync(_anvil.Url, 0, 0, 1, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RpcBenchmarks.GetLogsPerSecondAsync(_anvil.Url, 5, 4, 1, default));
    }

    [Fact]
    public async Task Whole_range_and_one_block_chunks_return_the_same_logs_in_order()
    {
        using var client = new JsonRpcClient(_anvil!.Url);
        var eth = new EthRpc(client);
        var whole = await eth.GetLogsAsync(LogFilter.Range(_first, _last));
        var pieces = new List<Log>();
        for (var b = _first; b <= _last; b++) pieces.AddRange(await eth.GetLogsAsync(LogFilter.Range(b, b)));
        Assert.Equal(whole.Count, pieces.Count);
        for (var i = 0; i < whole.Count; i++)
        {
            Assert.Equal(whole[i].TransactionHash, pieces[i].TransactionHash);
            Assert.Equal(whole[i].LogIndex, pieces[i].LogIndex);
            Assert.Equal(whole[i].Data, pieces[i].Data);
            Assert.Equal(whole[i].Topics, pieces[i].Topics);
        }
        Assert.Equal(Enumerable.Range(0, LogsPerTransaction), whole.Where(l => l.BlockNumber == _first).Select(l => l.LogIndex));
    }
}
