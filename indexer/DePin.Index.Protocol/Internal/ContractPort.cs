using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Protocol.Internal;

/// <summary>One contract's address and ABI over the shared <see cref="ChainGateway"/>: typed views and transactions.</summary>
internal sealed class ContractPort(ChainGateway chain, Address address, ContractAbi abi)
{
    public Address Address { get; } = address;
    public ContractAbi Abi { get; } = abi;
    public ChainGateway Chain { get; } = chain;

    public Task<object[]> CallAsync(string function, CancellationToken ct, params object?[] args) =>
        Chain.CallAsync(Address, Abi, function, args, ct);

    public async Task<BigInteger> UIntAsync(string function, CancellationToken ct, params object?[] args) =>
        (BigInteger)(await CallAsync(function, ct, args).ConfigureAwait(false))[0];

    public async Task<bool> BoolAsync(string function, CancellationToken ct, params object?[] args) =>
        (bool)(await CallAsync(function, ct, args).ConfigureAwait(false))[0];

    public async Task<Address> AddressAsync(string function, CancellationToken ct, params object?[] args) =>
        (Address)(await CallAsync(function, ct, args).ConfigureAwait(false))[0];

    public Task<ProtocolReceipt> SendAsync(EthKey from, string function, CancellationToken ct, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Chain.SendAsync(from, Address, Abi, function, args, ct);
    }
}
