using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>A backfill range read: blocks with triggers, the headers (with the range's last block and the cursor's), transactions and receipts.</summary>
internal sealed record ScannedRange(
    List<(long Number, IReadOnlyList<Trigger> Triggers)> Matched,
    Dictionary<long, Block> Headers,
    Dictionary<Hash32, RpcTransaction> Transactions,
    Dictionary<Hash32, TransactionReceipt> Receipts);
