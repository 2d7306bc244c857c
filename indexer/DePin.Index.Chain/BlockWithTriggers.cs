using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain;

/// <summary>
/// A block to process: its header, its triggers in the order graph-node runs them, and the transactions (and,
/// for handlers with <c>receipt: true</c>, the receipts) of its log triggers. Transactions are fetched only for
/// blocks with log triggers, and only those the triggers name.
/// </summary>
public sealed class BlockWithTriggers
{
    private static readonly IReadOnlyDictionary<Hash32, RpcTransaction> NoTransactions = new Dictionary<Hash32, RpcTransaction>();
    private static readonly IReadOnlyDictionary<Hash32, TransactionReceipt> NoReceipts = new Dictionary<Hash32, TransactionReceipt>();

    public BlockWithTriggers(Block block, IReadOnlyList<Trigger> triggers,
        IReadOnlyDictionary<Hash32, RpcTransaction>? transactions = null,
        IReadOnlyDictionary<Hash32, TransactionReceipt>? receipts = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(triggers);
        Block = block;
        Triggers = triggers;
        Transactions = transactions ?? NoTransactions;
        Receipts = receipts ?? NoReceipts;
    }

    /// <summary>The header (number, hash, parent hash, timestamp, gas, base fee, miner, roots, difficulty, size…).</summary>
    public Block Block { get; }

    public BlockPtr Ptr => new(Block.Number, Block.Hash);

    public long Number => Block.Number;

    /// <summary>Ordered: <c>once</c> block handlers, then logs by log index, then the other block handlers.</summary>
    public IReadOnlyList<Trigger> Triggers { get; }

    /// <summary>The transactions of the log triggers, by hash.</summary>
    public IReadOnlyDictionary<Hash32, RpcTransaction> Transactions { get; }

    /// <summary>The receipts of the transactions whose log triggers' handlers ask for one (<c>receipt: true</c>).</summary>
    public IReadOnlyDictionary<Hash32, TransactionReceipt> Receipts { get; }

    /// <summary>The transaction of a log trigger.</summary>
    /// <exception cref="KeyNotFoundException">for a block trigger, or a log of another block.</exception>
    public RpcTransaction TransactionOf(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Log is not { } log) throw new KeyNotFoundException($"{trigger} is a block trigger: it has no transaction");
        return Transactions.TryGetValue(log.TransactionHash, out var tx)
            ? tx
            : throw new KeyNotFoundException($"transaction {log.TransactionHash} of {trigger} is not part of block {Ptr}");
    }

    public override string ToString() => $"{Ptr}: {Triggers.Count} triggers";
}
