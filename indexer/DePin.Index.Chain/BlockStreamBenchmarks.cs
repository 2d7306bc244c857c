using System.Diagnostics;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain;

/// <summary>Throughput of the block stream's backfill against a live node.</summary>
public static class BlockStreamBenchmarks
{
    /// <summary>
    /// Backfills blocks <paramref name="fromBlock"/>..<paramref name="toBlock"/> of <paramref name="dataSources"/>
    /// through a <see cref="PollingBlockStream"/> (reorg threshold 0: the whole range is scanned with eth_getLogs
    /// ranges, headers and transactions fetched as for indexing) and returns triggers consumed per second, end to
    /// end. A short untimed warm-up over the first blocks comes first.
    /// </summary>
    public static async Task<double> BackfillLogsPerSecondAsync(string rpcUrl, long fromBlock, long toBlock,
        IReadOnlyList<DataSourceInstance> dataSources, BlockStreamOptions? options = null, CancellationToken cancellationToken = default) =>
        (await BackfillAsync(rpcUrl, fromBlock, toBlock, dataSources, options, cancellationToken).ConfigureAwait(false)).TriggersPerSecond;

    /// <summary>As <see cref="BackfillLogsPerSecondAsync"/>, returning the counts and the time taken.</summary>
    public static async Task<BlockStreamBenchmarkResult> BackfillAsync(string rpcUrl, long fromBlock, long toBlock,
        IReadOnlyList<DataSourceInstance> dataSources, BlockStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpcUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(fromBlock);
        ArgumentOutOfRangeException.ThrowIfLessThan(toBlock, fromBlock);
        ArgumentNullException.ThrowIfNull(dataSources);
        using var client = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(rpcUrl), Timeout = TimeSpan.FromMinutes(2), MaxRetries = 2 });
        var rpc = new EthRpc(client);
        var reader = new EthRpcChainReader(rpc);
        var settings = (options ?? new BlockStreamOptions()).Copy();
        settings.ReorgThreshold = 0;

        await RunAsync(reader, fromBlock, Math.Min(toBlock, fromBlock + 10), dataSources, settings, rpc, cancellationToken).ConfigureAwait(false);
        return await RunAsync(reader, fromBlock, toBlock, dataSources, settings, rpc, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BlockStreamBenchmarkResult> RunAsync(IChainReader reader, long fromBlock, long toBlock,
        IReadOnlyList<DataSourceInstance> dataSources, BlockStreamOptions options, EthRpc rpc, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        BlockPtr? cursor = null;
        if (fromBlock > 0)
        {
            var before = await rpc.GetBlockByNumberAsync(fromBlock - 1, ct).ConfigureAwait(false)
                ?? throw new ArgumentException($"block #{fromBlock - 1} does not exist", nameof(fromBlock));
            cursor = BlockPtr.Of(before);
        }
        var sources = dataSources.Select(d => d.WithEndBlock(toBlock)).ToList();
        await using var stream = new PollingBlockStream(reader, sources, cursor, options);
        long triggers = 0, blocks = 0, events = 0;
        await foreach (var e in stream.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (e is not ProcessBlocks p) throw new InvalidOperationException($"unexpected {e} while backfilling final blocks");
            events++;
            blocks += p.Blocks.Count;
            foreach (var b in p.Blocks) triggers += b.Triggers.Count;
        }
        clock.Stop();
        var d = stream.Diagnostics;
        return new BlockStreamBenchmarkResult(triggers, d.LogsFetched, blocks, events, d.RangesScanned, d.CurrentRangeSize, clock.Elapsed);
    }
}
