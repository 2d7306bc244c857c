using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime;

/// <summary>
/// Chain access for <c>ethereum.call</c>, <c>ethereum.getBalance</c> and <c>ethereum.hasCode</c>,
/// always at the block of the trigger being handled. Throw any exception for an RPC failure (it
/// becomes a retryable <see cref="NonDeterministicMappingException"/>); report a revert through
/// <see cref="EthCallResult.Reverted"/>.
/// </summary>
public interface IEthereumCallAdapter
{
    /// <summary><c>eth_call</c> of <paramref name="data"/> to <paramref name="to"/> at <paramref name="block"/>.</summary>
    EthCallResult Call(Address to, ReadOnlyMemory<byte> data, BlockRef block);

    /// <summary><c>eth_getBalance</c> at <paramref name="block"/>.</summary>
    System.Numerics.BigInteger GetBalance(Address address, BlockRef block);

    /// <summary><c>eth_getCode</c> at <paramref name="block"/>.</summary>
    ReadOnlyMemory<byte> GetCode(Address address, BlockRef block);
}
