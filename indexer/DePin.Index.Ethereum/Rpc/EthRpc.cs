using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Typed <c>eth_*</c> methods (and anvil's dev helpers) on top of a <see cref="JsonRpcClient"/>. Values are typed
/// (<see cref="Address"/>, <see cref="Hash32"/>, <see cref="BigInteger"/> for wei); a state query without a block
/// parameter asks about <c>latest</c>. Errors are those of the client.
/// </summary>
public sealed partial class EthRpc
{
    private static readonly RpcResultParser<long> Long = RpcJson.ReadLong;
    private static readonly RpcResultParser<BigInteger> Big = RpcJson.ReadBigInteger;
    private static readonly RpcResultParser<byte[]> Data = RpcJson.ReadData;
    private static readonly RpcResultParser<Hash32> Hash = RpcJson.ReadHash;

    public EthRpc(JsonRpcClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>The underlying client (for batches and methods not wrapped here).</summary>
    public JsonRpcClient Client { get; }

    /// <summary>eth_chainId.</summary>
    public Task<long> ChainIdAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_chainId", [], Long, cancellationToken);

    /// <summary>eth_blockNumber: the number of the latest block.</summary>
    public Task<long> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_blockNumber", [], Long, cancellationToken);

    /// <summary>eth_getBalance in wei.</summary>
    public Task<BigInteger> GetBalanceAsync(Address address, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getBalance", [address, block ?? BlockParameter.Latest], Big, cancellationToken);

    /// <summary>eth_getTransactionCount: the account's nonce.</summary>
    public Task<long> GetTransactionCountAsync(Address address, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getTransactionCount", [address, block ?? BlockParameter.Latest], Long, cancellationToken);

    /// <summary>eth_getCode: the account's runtime bytecode (empty for an externally owned account).</summary>
    public Task<byte[]> GetCodeAsync(Address address, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getCode", [address, block ?? BlockParameter.Latest], Data, cancellationToken);

    /// <summary>eth_getStorageAt: one 32-byte storage slot.</summary>
    public Task<byte[]> GetStorageAtAsync(Address address, BigInteger slot, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getStorageAt", [address, slot, block ?? BlockParameter.Latest], Data, cancellationToken);

    /// <summary>
    /// eth_call: executes without a transaction and returns the output. A revert is a
    /// <see cref="JsonRpcException"/> (anvil and geth: code 3) whose <see cref="JsonRpcException.DataBytes"/> hold
    /// the revert data.
    /// </summary>
    public Task<byte[]> CallAsync(CallRequest call, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Client.CallAsync("eth_call", [call, block ?? BlockParameter.Latest], Data, cancellationToken);
    }

    /// <summary>eth_estimateGas.</summary>
    public Task<long> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Client.CallAsync("eth_estimateGas", [call], Long, cancellationToken);
    }

    /// <summary>eth_gasPrice in wei.</summary>
    public Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_gasPrice", [], Big, cancellationToken);

    /// <summary>eth_maxPriorityFeePerGas in wei.</summary>
    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_maxPriorityFeePerGas", [], Big, cancellationToken);

    /// <summary>eth_feeHistory over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>.</summary>
    public Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockParameter newestBlock, IReadOnlyList<double>? rewardPercentiles = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        var percentiles = rewardPercentiles ?? [];
        foreach (var p in percentiles)
        {
            if (double.IsNaN(p) || p is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(rewardPercentiles), p, "percentiles are between 0 and 100");
        }
        return Client.CallAsync("eth_feeHistory", [HexQuantity.Format(blockCount), newestBlock, percentiles], FeeHistoryParser.Read, cancellationToken);
    }
}
