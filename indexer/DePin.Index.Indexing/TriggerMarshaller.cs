using System.Diagnostics.CodeAnalysis;
using DePin.Index.Chain;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Indexing.Internal;
using DePin.Index.Runtime.Triggers;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Indexing;

/// <summary>
/// Turns the block stream's triggers into the mapping host's inputs (graph-node's <c>MappingTrigger</c> →
/// <c>ethereum.Event</c>/<c>ethereum.Block</c>): a log's parameters decoded with the handler's ABI event (names
/// and types from the ABI), its transaction (and receipt when the handler asks for one) and the block header.
/// Call <see cref="BeginBlock"/> once per block: the header and each transaction are converted once and shared by
/// the block's triggers, and every ABI event is resolved once per handler. Not thread-safe.
/// </summary>
public sealed class TriggerMarshaller
{
    private readonly SubgraphDefinition _definition;
    private readonly Dictionary<MappingEventHandler, EventPlan> _plans = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Hash32, TransactionData> _transactions = [];
    private readonly Dictionary<Hash32, TransactionReceiptData> _receipts = [];
    private BlockWithTriggers? _block;
    private BlockData? _blockData;

    public TriggerMarshaller(SubgraphDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
    }

    /// <summary>The header of the current block as <c>ethereum.Block</c>.</summary>
    public BlockData Block => _blockData ?? throw new InvalidOperationException("call BeginBlock first");

    /// <summary>Starts a block: later triggers must belong to it.</summary>
    public void BeginBlock(BlockWithTriggers block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _block = block;
        _blockData = ChainConversions.ToBlockData(block.Block);
        _transactions.Clear();
        _receipts.Clear();
    }

    /// <summary>
    /// The mapping input of a trigger of the current block. False, with the reason, for a log whose topics or data
    /// do not fit the handler's event: graph-node skips such a log with a warning rather than failing.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the block lacks the log's transaction (the stream was told not to fetch transactions).</exception>
    public bool TryMarshal(Trigger trigger, [NotNullWhen(true)] out MappingTrigger? mapped, out string? skipReason)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var block = _block ?? throw new InvalidOperationException("call BeginBlock first");
        if (trigger.BlockNumber != block.Number)
        {
            throw new ArgumentException($"{trigger} is not a trigger of block {block.Ptr}", nameof(trigger));
        }

        skipReason = null;
        if (trigger.Log is not { } log)
        {
            mapped = new BlockTrigger { Block = _blockData! };
            return true;
        }

        var handler = trigger.EventHandler!;
        var plan = Plan(handler);
        EventParam[] parameters;
        try
        {
            parameters = plan.Decode(log.Topics, log.Data);
        }
        catch (AbiException e)
        {
            mapped = null;
            skipReason = $"skipping {trigger}: the log does not match the handler's event {handler.Event} " +
                $"(are parameters indexed in the event but not in the signature, or the other way around?): {e.Message}";
            return false;
        }

        mapped = new EventTrigger
        {
            Block = _blockData!,
            LogAddress = log.Address,
            LogIndex = log.LogIndex,
            // graph-node passes the block-wide log index here too (nodes do not report a per-transaction one).
            TransactionLogIndex = log.LogIndex,
            Transaction = Transaction(block, trigger, log),
            Parameters = parameters,
            Receipt = handler.Receipt ? Receipt(block, log.TransactionHash) : null,
        };
        return true;
    }

    private EventPlan Plan(MappingEventHandler handler)
    {
        if (!_plans.TryGetValue(handler, out var plan))
        {
            plan = new EventPlan(_definition.GetEvent(handler));
            _plans[handler] = plan;
        }

        return plan;
    }

    private TransactionData Transaction(BlockWithTriggers block, Trigger trigger, Ethereum.Rpc.Log log)
    {
        if (_transactions.TryGetValue(log.TransactionHash, out var tx))
        {
            return tx;
        }

        if (!block.Transactions.TryGetValue(log.TransactionHash, out var rpc))
        {
            throw new InvalidOperationException(
                $"block {block.Ptr} lacks transaction {log.TransactionHash} of {trigger}: the block stream must fetch the transactions of log triggers");
        }

        tx = ChainConversions.ToTransactionData(rpc, log.TransactionIndex);
        _transactions[log.TransactionHash] = tx;
        return tx;
    }

    private TransactionReceiptData? Receipt(BlockWithTriggers block, Hash32 transaction)
    {
        if (_receipts.TryGetValue(transaction, out var receipt))
        {
            return receipt;
        }

        if (!block.Receipts.TryGetValue(transaction, out var rpc))
        {
            return null;
        }

        receipt = ChainConversions.ToReceiptData(rpc);
        _receipts[transaction] = receipt;
        return receipt;
    }
}
