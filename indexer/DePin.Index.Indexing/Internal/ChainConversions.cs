using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Indexing.Internal;

/// <summary>JSON-RPC chain data → the mapping host's trigger records, field by field as graph-node fills them.</summary>
internal static class ChainConversions
{
    /// <summary>keccak256(rlp([])): the uncles hash of every block without uncles (all proof-of-stake blocks, anvil's).</summary>
    public static readonly Hash32 EmptyUnclesHash = Hash32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    /// <summary>
    /// A header as <c>ethereum.Block</c>. The RPC model keeps no <c>sha3Uncles</c>: the empty-uncles hash is used
    /// (exact after the merge); a missing total difficulty is 0, as graph-node's <c>unwrap_or_default</c>.
    /// </summary>
    public static BlockData ToBlockData(Block block) => new()
    {
        Number = block.Number,
        Hash = block.Hash,
        ParentHash = block.ParentHash,
        UnclesHash = EmptyUnclesHash,
        Author = block.Miner,
        StateRoot = block.StateRoot,
        TransactionsRoot = block.TransactionsRoot,
        ReceiptsRoot = block.ReceiptsRoot,
        GasUsed = block.GasUsed,
        GasLimit = block.GasLimit,
        Timestamp = block.Timestamp,
        Difficulty = block.Difficulty,
        TotalDifficulty = block.TotalDifficulty ?? BigInteger.Zero,
        Size = block.Size,
        BaseFeePerGas = block.BaseFeePerGas,
    };

    /// <summary>A transaction as <c>ethereum.Transaction</c>; the gas price is the node's (effective) <c>gasPrice</c>, 0 when absent.</summary>
    public static TransactionData ToTransactionData(RpcTransaction tx, int logTransactionIndex) => new()
    {
        Hash = tx.Hash,
        Index = tx.TransactionIndex ?? logTransactionIndex,
        From = tx.From,
        To = tx.To,
        Value = tx.Value,
        GasLimit = tx.Gas,
        GasPrice = tx.GasPrice ?? BigInteger.Zero,
        Input = tx.Input,
        Nonce = tx.Nonce,
    };

    /// <summary>A receipt as <c>ethereum.TransactionReceipt</c>. The RPC model keeps no logs bloom: it is passed as zeros.</summary>
    public static TransactionReceiptData ToReceiptData(TransactionReceipt receipt) => new()
    {
        TransactionHash = receipt.TransactionHash,
        TransactionIndex = receipt.TransactionIndex,
        BlockHash = receipt.BlockHash,
        BlockNumber = receipt.BlockNumber,
        CumulativeGasUsed = receipt.CumulativeGasUsed,
        GasUsed = receipt.GasUsed,
        ContractAddress = receipt.ContractAddress,
        Logs = receipt.Logs.Select(ToLogData).ToArray(),
        Status = receipt.Status is { } ok ? (ok ? BigInteger.One : BigInteger.Zero) : null,
    };

    public static LogData ToLogData(Log log) => new()
    {
        Address = log.Address,
        Topics = log.Topics,
        Data = log.Data,
        BlockHash = log.BlockHash,
        BlockNumber = log.BlockNumber,
        TransactionHash = log.TransactionHash,
        TransactionIndex = log.TransactionIndex,
        LogIndex = log.LogIndex,
        Removed = log.Removed,
    };
}
