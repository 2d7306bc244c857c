using DePin.Index.Chain.Internal;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain;

/// <summary>
/// <see cref="IChainReader"/> over JSON-RPC: headers and transactions by JSON-RPC batches of
/// <see cref="BatchSize"/> calls, up to <see cref="MaxConcurrentBatches"/> batches in flight; receipts one call each
/// (at most <see cref="MaxConcurrentBatches"/> at a time). Transport retries are the client's
/// (<see cref="JsonRpcClientOptions"/>).
/// </summary>
public sealed class EthRpcChainReader : IChainReader
{
    private readonly EthRpc _rpc;

    /// <param name="rpc">The node.</param>
    /// <param name="batchSize">Calls per JSON-RPC batch (default 200).</param>
    /// <param name="maxConcurrentBatches">Batches (or receipt calls) in flight at once (default 4).</param>
    /// <param name="getLogsTimeout">Time limit of one eth_getLogs attempt; null = the client's timeout.</param>
    public EthRpcChainReader(EthRpc rpc, int batchSize = 200, int maxConcurrentBatches = 4, TimeSpan? getLogsTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentBatches, 1);
        _rpc = rpc;
        BatchSize = batchSize;
        MaxConcurrentBatches = maxConcurrentBatches;
        GetLogsTimeout = getLogsTimeout;
    }

    public int BatchSize { get; }

    public int MaxConcurrentBatches { get; }

    public TimeSpan? GetLogsTimeout { get; }

    public Task<long> GetHeadNumberAsync(CancellationToken cancellationToken) => _rpc.BlockNumberAsync(cancellationToken);

    public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken) =>
        _rpc.GetLogsAsync(filter, GetLogsTimeout, cancellationToken);

    public Task<IReadOnlyList<Block?>> GetBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        InChunksAsync(numbers, (chunk, ct) => _rpc.GetBlocksByNumberAsync(chunk, ct), cancellationToken);

    public Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken) => _rpc.GetBlockByHashAsync(hash, cancellationToken);

    public Task<IReadOnlyList<RpcTransaction?>> GetTransactionsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken) =>
        InChunksAsync(hashes, async (chunk, ct) =>
        {
            var batch = _rpc.Client.CreateBatch();
            var items = chunk.Select(h => batch.Add("eth_getTransactionByHash", [h], TransactionJson.Parser)).ToList();
            await batch.SendAsync(ct).ConfigureAwait(false);
            return (IReadOnlyList<RpcTransaction?>)items.Select(i => i.Result).ToList();
        }, cancellationToken);

    public async Task<IReadOnlyList<TransactionReceipt?>> GetReceiptsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var results = new TransactionReceipt?[hashes.Count];
        await Parallel.ForAsync(0, hashes.Count, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentBatches, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await _rpc.GetTransactionReceiptAsync(hashes[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private async Task<IReadOnlyList<TOut>> InChunksAsync<TIn, TOut>(IReadOnlyList<TIn> inputs,
        Func<IReadOnlyList<TIn>, CancellationToken, Task<IReadOnlyList<TOut>>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) return [];
        if (inputs.Count <= BatchSize) return await fetch(inputs, cancellationToken).ConfigureAwait(false);
        var chunks = inputs.Chunk(BatchSize).ToArray();
        var results = new IReadOnlyList<TOut>[chunks.Length];
        await Parallel.ForAsync(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentBatches, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await fetch(chunks[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results.SelectMany(r => r).ToList();
    }
}
