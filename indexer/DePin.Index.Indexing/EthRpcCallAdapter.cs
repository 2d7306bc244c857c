using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Runtime;

namespace DePin.Index.Indexing;

/// <summary>
/// <c>ethereum.call/getBalance/hasCode</c> over JSON-RPC at the trigger's block, addressed by hash (EIP-1898) so a
/// reorg cannot answer from another branch. A revert (JSON-RPC error 3, or a message saying "revert") becomes
/// <see cref="EthCallResult.Revert"/>, so the mapping sees null; any other failure propagates and makes the handler
/// fail as retryable. The mapping host calls synchronously, so these calls block the indexing thread.
/// </summary>
public sealed class EthRpcCallAdapter : IEthereumCallAdapter
{
    private readonly EthRpc _rpc;

    public EthRpcCallAdapter(EthRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    /// <summary><c>eth_call</c>s made (the host caches identical calls within a block).</summary>
    public long Calls { get; private set; }

    public EthCallResult Call(Address to, ReadOnlyMemory<byte> data, BlockRef block)
    {
        Calls++;
        try
        {
            var output = _rpc.CallAsync(new CallRequest { To = to, Data = data.ToArray() }, BlockParameter.FromHash(block.Hash))
                .GetAwaiter().GetResult();
            return EthCallResult.Success(output);
        }
        catch (JsonRpcException e) when (e.Code == 3 || e.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase))
        {
            return EthCallResult.Revert();
        }
    }

    public BigInteger GetBalance(Address address, BlockRef block) =>
        _rpc.GetBalanceAsync(address, BlockParameter.FromHash(block.Hash)).GetAwaiter().GetResult();

    public ReadOnlyMemory<byte> GetCode(Address address, BlockRef block) =>
        _rpc.GetCodeAsync(address, BlockParameter.FromHash(block.Hash)).GetAwaiter().GetResult();
}
