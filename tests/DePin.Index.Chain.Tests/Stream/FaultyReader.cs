using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// Wraps the real anvil reader to behave like a worse node: a provider's result limit on eth_getLogs (answered
/// with the error text real providers use), and scripted failures — transport errors, malformed answers, blocks
/// and transactions missing — injected at random (seeded, so a run is repeatable) on a share of the calls.
/// Records every eth_getLogs range asked for.
/// </summary>
internal sealed class FaultyReader(IChainReader inner, int seed = 7) : IChainReader
{
    private readonly Random _random = new(seed);

    /// <summary>eth_getLogs answers with more logs than this fail with "query returned more than N results".</summary>
    public int? MaxLogs { get; init; }

    /// <summary>Share of the calls (of any method) that fail with <see cref="Failure"/>.</summary>
    public double FailRate { get; init; }

    /// <summary>The exception an injected failure throws.</summary>
    public Func<Exception>? Failure { get; init; }

    /// <summary>Share of the GetBlocks calls answering null for their first block (a node lagging behind its own head).</summary>
    public double NullBlockRate { get; init; }

    /// <summary>Share of the GetTransactions calls answering null for their first transaction.</summary>
    public double NullTransactionRate { get; init; }

    /// <summary>Fails exactly the n-th call (1-based) with this exception, if set.</summary>
    public (int Call, Exception Error)? FailOnce { get; init; }

    private int _calls;

    public List<(long From, long To, int Logs, bool Refused)> LogRanges { get; } = [];

    public int InjectedFailures { get; private set; }

    public Task<long> GetHeadNumberAsync(CancellationToken cancellationToken)
    {
        Fault();
        return inner.GetHeadNumberAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        Fault();
        var logs = await inner.GetLogsAsync(filter, cancellationToken);
        var refused = MaxLogs is { } max && logs.Count > max;
        lock (LogRanges) LogRanges.Add((filter.FromBlock.Number, filter.ToBlock.Number, logs.Count, refused));
        if (refused) throw new JsonRpcException("eth_getLogs", -32005, $"query returned more than {MaxLogs} results", null);
        return logs;
    }

    public async Task<IReadOnlyList<Block?>> GetBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        Fault();
        var blocks = await inner.GetBlocksAsync(numbers, cancellationToken);
        if (blocks.Count > 0 && Chance(NullBlockRate))
        {
            InjectedFailures++;
            return [null, .. blocks.Skip(1)];
        }
        return blocks;
    }

    public Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken)
    {
        Fault();
        return inner.GetBlockByHashAsync(hash, cancellationToken);
    }

    public async Task<IReadOnlyList<RpcTransaction?>> GetTransactionsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken)
    {
        Fault();
        var txs = await inner.GetTransactionsAsync(hashes, cancellationToken);
        if (txs.Count > 0 && Chance(NullTransactionRate))
        {
            InjectedFailures++;
            return [null, .. txs.Skip(1)];
        }
        return txs;
    }

    public Task<IReadOnlyList<TransactionReceipt?>> GetReceiptsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken)
    {
        Fault();
        return inner.GetReceiptsAsync(hashes, cancellationToken);
    }

    private void Fault()
    {
        var n = Interlocked.Increment(ref _calls);
        if (FailOnce is { } once && once.Call == n)
        {
            InjectedFailures++;
            throw once.Error;
        }
        if (Failure is not null && Chance(FailRate))
        {
            InjectedFailures++;
            throw Failure();
        }
    }

    private bool Chance(double rate)
    {
        if (rate <= 0) return false;
        lock (_random) return _random.NextDouble() < rate;
    }
}
