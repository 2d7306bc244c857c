using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>ProtocolToken (DPI): balances, transfers, allowances, the faucet (mint) and burning.</summary>
public sealed class TokenClient
{
    private readonly ContractPort _c;

    internal TokenClient(ContractPort port) => _c = port;

    public Address Address => _c.Address;

    public Task<BigInteger> BalanceOfAsync(Address account, CancellationToken ct = default) => _c.UIntAsync("balanceOf", ct, account);
    public Task<BigInteger> AllowanceAsync(Address owner, Address spender, CancellationToken ct = default) => _c.UIntAsync("allowance", ct, owner, spender);
    public Task<BigInteger> TotalSupplyAsync(CancellationToken ct = default) => _c.UIntAsync("totalSupply", ct);
    public Task<BigInteger> TotalMintedAsync(CancellationToken ct = default) => _c.UIntAsync("totalMinted", ct);
    public Task<BigInteger> TotalBurnedAsync(CancellationToken ct = default) => _c.UIntAsync("totalBurned", ct);
    public Task<bool> IsMinterAsync(Address account, CancellationToken ct = default) => _c.BoolAsync("isMinter", ct, account);
    public Task<Address> GovernorAsync(CancellationToken ct = default) => _c.AddressAsync("governor", ct);

    public Task<ProtocolReceipt> TransferAsync(EthKey from, Address to, BigInteger amount, CancellationToken ct = default) =>
        _c.SendAsync(from, "transfer", ct, to, amount);

    public Task<ProtocolReceipt> TransferFromAsync(EthKey spender, Address from, Address to, BigInteger amount, CancellationToken ct = default) =>
        _c.SendAsync(spender, "transferFrom", ct, from, to, amount);

    public Task<ProtocolReceipt> ApproveAsync(EthKey owner, Address spender, BigInteger amount, CancellationToken ct = default) =>
        _c.SendAsync(owner, "approve", ct, spender, amount);

    /// <summary>Minters only (the devnet's deployer is one: the faucet).</summary>
    public Task<ProtocolReceipt> MintAsync(EthKey minter, Address to, BigInteger amount, CancellationToken ct = default) =>
        _c.SendAsync(minter, "mint", ct, to, amount);

    public Task<ProtocolReceipt> BurnAsync(EthKey holder, BigInteger amount, CancellationToken ct = default) =>
        _c.SendAsync(holder, "burn", ct, amount);

    public Task<ProtocolReceipt> AddMinterAsync(EthKey governor, Address minter, CancellationToken ct = default) =>
        _c.SendAsync(governor, "addMinter", ct, minter);

    public Task<ProtocolReceipt> RemoveMinterAsync(EthKey governor, Address minter, CancellationToken ct = default) =>
        _c.SendAsync(governor, "removeMinter", ct, minter);

    /// <summary>Approves exactly <paramref name="amount"/> for <paramref name="spender"/> unless the allowance already covers it; null when nothing was sent.</summary>
    public async Task<ProtocolReceipt?> EnsureAllowanceAsync(EthKey owner, Address spender, BigInteger amount, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var allowed = await AllowanceAsync(owner.Address, spender, ct).ConfigureAwait(false);
        return allowed >= amount ? null : await ApproveAsync(owner, spender, amount, ct).ConfigureAwait(false);
    }
}
