using System.Diagnostics;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>Throughput measurements of the JSON-RPC client against a live node.</summary>
public static class RpcBenchmarks
{
    /// <summary>
    /// Fetches and parses every log of blocks <paramref name="fromBlock"/>..<paramref name="toBlock"/> with
    /// <c>eth_getLogs</c> in ranges of <paramref name="chunkBlocks"/> blocks (the next range is requested while the
    /// current one is parsed, as the block stream does) and returns logs per second, end to end. A warm-up call
    /// on one block comes first and is not timed. Returns 0 when the range holds no logs.
    /// </summary>
    public static async Task<double> GetLogsPerSecondAsync(string rpcUrl, long fromBlock, long toBlock, int chunkBlocks,
        CancellationToken cancellationToken)
    {
        var (logs, elapsed) = await FetchLogsAsync(rpcUrl, fromBlock, toBlock, chunkBlocks, cancellationToken).ConfigureAwait(false);
        return logs == 0 ? 0 : logs / elapsed.TotalSeconds;
    }

    /// <summary>As <see cref="GetLogsPerSecondAsync"/>, returning the log count and the time taken.</summary>
    public static async Task<(long Logs, TimeSpan Elapsed)> FetchLogsAsync(string rpcUrl, long fromBlock, long toBlock, int chunkBlocks,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpcUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(fromBlock);
        ArgumentOutOfRangeException.ThrowIfLessThan(toBlock, fromBlock);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBlocks, 1);
        using var client = new JsonRpcClient(new JsonRpcClientOptions
        {
            Url = new Uri(rpcUrl),
            Timeout = TimeSpan.FromMinutes(2),
            MaxRetries = 2,
        });
        var eth = new EthRpc(client);
        await eth.GetLogsAsync(LogFilter.Range(fromBlock, fromBlock), cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        long total = 0;
        Task<IReadOnlyList<Log>>? next = Fetch(eth, fromBlock, toBlock, chunkBlocks, cancellationToken);
        try
        {
            for (var start = fromBlock; next is not null; start += chunkBlocks)
            {
                var current = next;
                var following = start + chunkBlocks;
                next = following <= toBlock ? Fetch(eth, following, toBlock, chunkBlocks, cancellationToken) : null;
                total += (await current.ConfigureAwait(false)).Count;
            }
        }
        finally
        {
            // a failed range leaves the prefetched one running: let it finish and observe its outcome
            if (next is not null) await next.ContinueWith(static t => t.Exception, TaskScheduler.Default).ConfigureAwait(false);
        }
        return (total, clock.Elapsed);
    }

    private static Task<IReadOnlyList<Log>> Fetch(EthRpc eth, long start, long toBlock, int chunkBlocks, CancellationToken ct) =>
        eth.GetLogsAsync(LogFilter.Range(start, Math.Min(toBlock, start + chunkBlocks - 1)), ct);
}
