using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// Writes handler arguments in graph-node's layouts (<c>chain/ethereum/src/runtime/abi.rs</c>),
/// chosen by apiVersion as graph-node's <c>trigger.rs</c> does: from 0.0.7 the event carries a
/// receipt pointer (null unless requested); from 0.0.6 blocks carry <c>baseFeePerGas</c> and
/// transactions <c>nonce</c>; 0.0.5 uses <c>Block</c> and <c>Tx_0_0_2</c> (with <c>input</c>).
/// </summary>
internal static class AscTriggers
{
    private static readonly Version V006 = new(0, 0, 6);
    private static readonly Version V007 = new(0, 0, 7);

    public static uint WriteTrigger(this AscHeap heap, MappingTrigger trigger, Version apiVersion, bool includeReceipt) => trigger switch
    {
        EventTrigger e => heap.WriteEvent(e, apiVersion, includeReceipt),
        BlockTrigger b => heap.WriteBlock(b.Block, apiVersion),
        _ => throw new ArgumentException($"unsupported trigger {trigger.GetType().Name}", nameof(trigger)),
    };

    public static uint WriteEvent(this AscHeap heap, EventTrigger e, Version apiVersion, bool includeReceipt)
    {
        var address = heap.WriteUint8Array(e.LogAddress.ToArray());
        var logIndex = heap.WriteBigInt(e.LogIndex);
        var txLogIndex = heap.WriteBigInt(e.TransactionLogIndex);
        var logType = e.LogType is null ? 0 : heap.WriteString(e.LogType);
        var block = heap.WriteBlock(e.Block, apiVersion);
        var transaction = heap.WriteTransaction(e.Transaction, apiVersion);
        var parameters = heap.WriteEventParams(e.Parameters);
        if (apiVersion < V007)
        {
            return heap.WriteStruct(AscTypeId.EthereumEvent, [address, logIndex, txLogIndex, logType, block, transaction, parameters]);
        }

        var receipt = includeReceipt && e.Receipt is { } r ? heap.WriteReceipt(r) : 0;
        return heap.WriteStruct(AscTypeId.EthereumEvent, [address, logIndex, txLogIndex, logType, block, transaction, parameters, receipt]);
    }

    public static uint WriteEventParams(this AscHeap heap, IReadOnlyList<EventParam> parameters)
    {
        var items = new uint[parameters.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var p = parameters[i];
            var name = heap.WriteString(p.Name);
            var value = heap.WriteEthereumValue(p.Type, p.Value);
            items[i] = heap.WriteStruct(AscTypeId.EventParam, [name, value]);
        }

        return heap.WritePointerArray(AscTypeId.ArrayEventParam, items);
    }

    public static uint WriteBlock(this AscHeap heap, BlockData b, Version apiVersion)
    {
        var size = OptionalBigInt(heap, b.Size);
        var modern = apiVersion >= V006;
        var baseFee = modern ? OptionalBigInt(heap, b.BaseFeePerGas) : 0;
        Span<uint> fields =
        [
            Hash(heap, b.Hash),
            Hash(heap, b.ParentHash),
            Hash(heap, b.UnclesHash),
            heap.WriteUint8Array(b.Author.ToArray()),
            Hash(heap, b.StateRoot),
            Hash(heap, b.TransactionsRoot),
            Hash(heap, b.ReceiptsRoot),
            heap.WriteBigInt(b.Number),
            heap.WriteBigInt(b.GasUsed),
            heap.WriteBigInt(b.GasLimit),
            heap.WriteBigInt(b.Timestamp),
            heap.WriteBigInt(b.Difficulty),
            heap.WriteBigInt(b.TotalDifficulty),
            size,
            baseFee,
        ];
        return heap.WriteStruct(AscTypeId.EthereumBlock, modern ? fields : fields[..14]);
    }

    public static uint WriteTransaction(this AscHeap heap, TransactionData t, Version apiVersion)
    {
        Span<uint> fields =
        [
            Hash(heap, t.Hash),
            heap.WriteBigInt(t.Index),
            heap.WriteUint8Array(t.From.ToArray()),
            t.To is { } to ? heap.WriteUint8Array(to.ToArray()) : 0,
            heap.WriteBigInt(t.Value),
            heap.WriteBigInt(t.GasLimit),
            heap.WriteBigInt(t.GasPrice),
            heap.WriteUint8Array(t.Input.Span),
            apiVersion >= V006 ? heap.WriteBigInt(t.Nonce) : 0,
        ];
        return heap.WriteStruct(AscTypeId.EthereumTransaction, apiVersion >= V006 ? fields : fields[..8]);
    }

    public static uint WriteReceipt(this AscHeap heap, TransactionReceiptData r)
    {
        var logs = r.Logs.Select(heap.WriteLog).ToArray();
        return heap.WriteStruct(AscTypeId.TransactionReceipt,
        [
            Hash(heap, r.TransactionHash),
            heap.WriteBigInt(r.TransactionIndex),
            r.BlockHash is { } bh ? Hash(heap, bh) : 0,
            OptionalBigInt(heap, r.BlockNumber),
            heap.WriteBigInt(r.CumulativeGasUsed),
            heap.WriteBigInt(r.GasUsed),
            r.ContractAddress is { } ca ? heap.WriteUint8Array(ca.ToArray()) : 0,
            heap.WritePointerArray(AscTypeId.ArrayLog, logs),
            OptionalBigInt(heap, r.Status),
            r.Root is { } root ? Hash(heap, root) : 0,
            heap.WriteUint8Array(r.LogsBloom.Span),
        ]);
    }

    public static uint WriteLog(this AscHeap heap, LogData log)
    {
        var topics = log.Topics.Select(t => Hash(heap, t)).ToArray();
        return heap.WriteStruct(AscTypeId.Log,
        [
            heap.WriteUint8Array(log.Address.ToArray()),
            heap.WritePointerArray(AscTypeId.ArrayB256, topics),
            heap.WriteUint8Array(log.Data.Span),
            log.BlockHash is { } bh ? Hash(heap, bh) : 0,
            OptionalBigInt(heap, log.BlockNumber),
            log.TransactionHash is { } th ? Hash(heap, th) : 0,
            OptionalBigInt(heap, log.TransactionIndex),
            OptionalBigInt(heap, log.LogIndex),
            0,
            0,
            heap.WriteWrappedBool(log.Removed),
        ]);
    }

    private static uint Hash(AscHeap heap, Hash32 hash)
    {
        Span<byte> bytes = stackalloc byte[32];
        hash.CopyTo(bytes);
        return heap.WriteUint8Array(bytes);
    }

    private static uint OptionalBigInt(AscHeap heap, BigInteger? value) => value is { } v ? heap.WriteBigInt(v) : 0;
}
