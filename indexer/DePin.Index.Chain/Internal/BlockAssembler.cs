using System.Runtime.InteropServices;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>
/// Turns a block range into <see cref="BlockWithTriggers"/>: the logs of the filter's queries (merged, sorted,
/// deduplicated), the triggers per block, then headers, transactions and receipts fetched for the blocks that need
/// them, checked to fit together (a mismatch is a <see cref="ChainDataException"/>, retried by the stream).
/// </summary>
internal sealed class BlockAssembler(IChainReader reader, BlockStreamOptions options)
{
    private static readonly Comparison<Log> ByPosition = static (a, b) =>
        a.BlockNumber != b.BlockNumber ? a.BlockNumber.CompareTo(b.BlockNumber) : a.LogIndex.CompareTo(b.LogIndex);

    /// <summary>Every log the filter's queries return for from..to, sorted by block and log index, without duplicates.</summary>
    public async Task<List<Log>> GetLogsAsync(TriggerFilter filter, long from, long to, CancellationToken ct)
    {
        var queries = filter.LogFilters(from, to, options.MaxAddressesPerGetLogs);
        if (queries.Count == 0) return [];
        List<Log> logs;
        if (queries.Count == 1)
        {
            var answer = await reader.GetLogsAsync(queries[0], ct).ConfigureAwait(false);
            logs = answer as List<Log> ?? [.. answer];
        }
        else
        {
            var answers = await Task.WhenAll(queries.Select(q => reader.GetLogsAsync(q, ct))).ConfigureAwait(false);
            logs = [.. answers.SelectMany(a => a)];
        }
        var span = CollectionsMarshal.AsSpan(logs);
        var sorted = true;
        for (var i = 0; i < span.Length; i++)
        {
            var log = span[i];
            if (log.BlockNumber < from || log.BlockNumber > to)
                throw new ChainDataException($"eth_getLogs for #{from}..#{to} returned a log of block #{log.BlockNumber}");
            if (log.Removed) throw new ChainDataException($"eth_getLogs for #{from}..#{to} returned a removed log (block #{log.BlockNumber}): the chain is reorganising");
            if (i > 0 && ByPosition(span[i - 1], log) >= 0) sorted = false;
        }
        if (!sorted)
        {
            logs.Sort(ByPosition);
            logs = Deduplicate(logs);
        }
        return logs;
    }

    /// <summary>The blocks of from..to with triggers, ascending, each with its ordered triggers.</summary>
    public static List<(long Number, IReadOnlyList<Trigger> Triggers)> Match(TriggerFilter filter, List<Log> logs, long from, long to)
    {
        var result = new List<(long, IReadOnlyList<Trigger>)>();
        var blockTriggers = filter.BlockTriggerBlocks(from, to);
        var span = CollectionsMarshal.AsSpan(logs);
        var b = 0;
        var i = 0;
        while (i < span.Length)
        {
            var number = span[i].BlockNumber;
            var j = i + 1;
            while (j < span.Length && span[j].BlockNumber == number) j++;
            for (; b < blockTriggers.Count && blockTriggers[b] < number; b++) AddIfAny(result, blockTriggers[b], filter.TriggersInBlock(blockTriggers[b], ReadOnlySpan<Log>.Empty));
            if (b < blockTriggers.Count && blockTriggers[b] == number) b++;
            AddIfAny(result, number, filter.TriggersInBlock(number, span[i..j]));
            i = j;
        }
        for (; b < blockTriggers.Count; b++) AddIfAny(result, blockTriggers[b], filter.TriggersInBlock(blockTriggers[b], ReadOnlySpan<Log>.Empty));
        return result;
    }

    /// <summary>Headers by number; a block missing at or below the head is a <see cref="ChainDataException"/>.</summary>
    public async Task<Dictionary<long, Block>> GetHeadersAsync(IReadOnlyList<long> numbers, CancellationToken ct)
    {
        var blocks = await reader.GetBlocksAsync(numbers, ct).ConfigureAwait(false);
        if (blocks.Count != numbers.Count) throw new ChainDataException($"asked for {numbers.Count} blocks, the node answered {blocks.Count}");
        var result = new Dictionary<long, Block>(numbers.Count);
        for (var i = 0; i < numbers.Count; i++)
        {
            var block = blocks[i] ?? throw new ChainDataException($"block #{numbers[i]} is missing (the node answered null although its head is past it)");
            if (block.Number != numbers[i]) throw new ChainDataException($"asked for block #{numbers[i]}, the node answered #{block.Number}");
            result[block.Number] = block;
        }
        return result;
    }

    /// <summary>The transactions (and receipts, for handlers with <c>receipt: true</c>) of the log triggers.</summary>
    public async Task<(Dictionary<Hash32, RpcTransaction> Transactions, Dictionary<Hash32, TransactionReceipt> Receipts)> GetTransactionsAsync(
        IEnumerable<Trigger> triggers, CancellationToken ct)
    {
        var txs = new Dictionary<Hash32, RpcTransaction>();
        var receipts = new Dictionary<Hash32, TransactionReceipt>();
        if (!options.FetchTransactions) return (txs, receipts);
        var hashes = new HashSet<Hash32>();
        var receiptHashes = new HashSet<Hash32>();
        foreach (var t in triggers)
        {
            if (t.Log is not { } log) continue;
            hashes.Add(log.TransactionHash);
            if (t.EventHandler!.Receipt) receiptHashes.Add(log.TransactionHash);
        }
        if (hashes.Count == 0) return (txs, receipts);
        var txList = hashes.ToList();
        var receiptList = receiptHashes.ToList();
        var txTask = reader.GetTransactionsAsync(txList, ct);
        var receiptTask = receiptList.Count == 0 ? Task.FromResult<IReadOnlyList<TransactionReceipt?>>([]) : reader.GetReceiptsAsync(receiptList, ct);
        await Task.WhenAll(txTask, receiptTask).ConfigureAwait(false);
        var gotTxs = await txTask.ConfigureAwait(false);
        var gotReceipts = await receiptTask.ConfigureAwait(false);
        for (var i = 0; i < txList.Count; i++)
        {
            txs[txList[i]] = (i < gotTxs.Count ? gotTxs[i] : null) ?? throw new ChainDataException($"transaction {txList[i]} of a log is unknown to the node");
        }
        for (var i = 0; i < receiptList.Count; i++)
        {
            receipts[receiptList[i]] = (i < gotReceipts.Count ? gotReceipts[i] : null) ?? throw new ChainDataException($"receipt of transaction {receiptList[i]} is unknown to the node");
        }
        return (txs, receipts);
    }

    /// <summary>A block with its triggers and their transactions; checks every log and transaction belongs to the header.</summary>
    public BlockWithTriggers Build(Block header, IReadOnlyList<Trigger> triggers, Dictionary<Hash32, RpcTransaction> txs, Dictionary<Hash32, TransactionReceipt> receipts)
    {
        Dictionary<Hash32, RpcTransaction>? blockTxs = null;
        Dictionary<Hash32, TransactionReceipt>? blockReceipts = null;
        foreach (var t in triggers)
        {
            if (t.Log is not { } log) continue;
            if (log.BlockHash != header.Hash)
                throw new ChainDataException($"a log of block #{header.Number} names block hash {log.BlockHash}, the header is {header.Hash}: the chain changed while we read");
            if (!options.FetchTransactions) continue;
            var tx = txs[log.TransactionHash];
            if (tx.BlockHash != header.Hash)
                throw new ChainDataException($"transaction {tx.Hash} is in block {tx.BlockHash?.ToHex() ?? "(pending)"}, its log in block #{header.Number} {header.Hash}");
            (blockTxs ??= [])[tx.Hash] = tx;
            if (receipts.TryGetValue(log.TransactionHash, out var receipt))
            {
                if (receipt.BlockHash != header.Hash) throw new ChainDataException($"receipt of {tx.Hash} names block {receipt.BlockHash}, not {header.Hash}");
                (blockReceipts ??= [])[tx.Hash] = receipt;
            }
        }
        return new BlockWithTriggers(header, triggers, blockTxs, blockReceipts);
    }

    private static void AddIfAny(List<(long, IReadOnlyList<Trigger>)> result, long number, IReadOnlyList<Trigger> triggers)
    {
        if (triggers.Count > 0) result.Add((number, triggers));
    }

    private static List<Log> Deduplicate(List<Log> sorted)
    {
        var result = new List<Log>(sorted.Count);
        foreach (var log in sorted)
        {
            if (result.Count > 0 && result[^1].BlockNumber == log.BlockNumber && result[^1].LogIndex == log.LogIndex) continue;
            result.Add(log);
        }
        return result;
    }
}
