using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain;

/// <summary>
/// What the block stream reads from a chain (the port; <see cref="EthRpcChainReader"/> is the JSON-RPC adapter).
/// Methods report failures with the JSON-RPC client's exceptions (<see cref="JsonRpcException"/>,
/// <see cref="RpcTransportException"/>, <see cref="RpcProtocolException"/>); the stream classifies and retries them.
/// </summary>
public interface IChainReader
{
    /// <summary>The number of the latest block (<c>eth_blockNumber</c>).</summary>
    Task<long> GetHeadNumberAsync(CancellationToken cancellationToken);

    /// <summary>The logs of a filter (<c>eth_getLogs</c>).</summary>
    Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken);

    /// <summary>Block headers by number, in the order asked; null for a block the node does not have.</summary>
    Task<IReadOnlyList<Block?>> GetBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);

    /// <summary>A block header by hash; null when the node does not know it.</summary>
    Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken);

    /// <summary>Transactions by hash, in the order asked; null for one the node does not know.</summary>
    Task<IReadOnlyList<RpcTransaction?>> GetTransactionsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken);

    /// <summary>Receipts by transaction hash, in the order asked; null for one the node does not know.</summary>
    Task<IReadOnlyList<TransactionReceipt?>> GetReceiptsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken);
}
