using DePin.Index.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// Fetches the blocks with triggers of a block range from the chain, as the block stream hands them out during
/// backfill: eth_getLogs with the data sources' filters, triggers matched and ordered by <see cref="TriggerFilter"/>,
/// headers and the triggers' transactions. Also serves the triggers of data sources created in a block.
/// </summary>
internal sealed class ChainLoader(EthRpc rpc)
{
    private readonly EthRpcChainReader _reader = new(rpc);

    public int LogCount { get; private set; }

    public async Task<List<BlockWithTriggers>> LoadAsync(IReadOnlyList<DataSourceInstance> dataSources, long from, long to, int range = 2000)
    {
        var filter = new TriggerFilter(dataSources);
        var blocks = new List<BlockWithTriggers>();
        for (var start = from; start <= to; start += range)
        {
            var end = Math.Min(to, start + range - 1);
            var logs = new List<Log>();
            foreach (var query in filter.LogFilters(start, end))
            {
                logs.AddRange(await rpc.GetLogsAsync(query));
            }

            LogCount += logs.Count;
            blocks.AddRange(await AssembleAsync(filter, logs.GroupBy(l => l.BlockNumber).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList())).ToList()));
        }

        return blocks;
    }

    /// <summary>The <see cref="NewDataSourceTriggers"/> of this chain: block <paramref name="block"/>'s triggers for <paramref name="created"/>.</summary>
    public async Task<BlockWithTriggers> TriggersForNewDataSourcesAsync(BlockPtr block, IReadOnlyList<DataSourceInstance> created, CancellationToken cancellationToken)
    {
        var filter = new TriggerFilter(created);
        var logs = new List<Log>();
        foreach (var query in filter.LogFilters(block.Number, block.Number))
        {
            logs.AddRange(await rpc.GetLogsAsync(query, cancellationToken));
        }

        var assembled = await AssembleAsync(filter, [(block.Number, logs)], keepEmpty: true);
        return assembled.Single();
    }

    private async Task<List<BlockWithTriggers>> AssembleAsync(TriggerFilter filter, List<(long Number, List<Log> Logs)> byBlock, bool keepEmpty = false)
    {
        var withTriggers = byBlock.Select(b => (b.Number, Triggers: filter.TriggersInBlock(b.Number, b.Logs)))
            .Where(b => keepEmpty || b.Triggers.Count > 0).ToList();
        if (withTriggers.Count == 0)
        {
            return [];
        }

        var headers = await _reader.GetBlocksAsync(withTriggers.Select(b => b.Number).ToList(), CancellationToken.None);
        var hashes = withTriggers.SelectMany(b => b.Triggers).Where(t => t.Log is not null).Select(t => t.Log!.TransactionHash).Distinct().ToList();
        var transactions = new Dictionary<Hash32, RpcTransaction>();
        if (hashes.Count > 0)
        {
            foreach (var tx in await _reader.GetTransactionsAsync(hashes, CancellationToken.None))
            {
                transactions[tx!.Hash] = tx;
            }
        }

        var result = new List<BlockWithTriggers>(withTriggers.Count);
        for (var i = 0; i < withTriggers.Count; i++)
        {
            var header = headers[i] ?? throw new InvalidOperationException($"block #{withTriggers[i].Number} is missing");
            var own = withTriggers[i].Triggers.Where(t => t.Log is not null).Select(t => t.Log!.TransactionHash).Distinct()
                .ToDictionary(h => h, h => transactions[h]);
            result.Add(new BlockWithTriggers(header, withTriggers[i].Triggers, own));
        }

        return result;
    }
}
