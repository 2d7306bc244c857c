using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>FeeSettlement: payers' escrow and the redemption of signed vouchers.</summary>
public sealed class FeeSettlementClient
{
    private readonly ContractPort _c;
    private readonly TokenClient _token;

    internal FeeSettlementClient(ContractPort port, TokenClient token)
    {
        _c = port;
        _token = token;
    }

    public Address Address => _c.Address;

    public ulong ChainId => _c.Chain.ChainId;

    public async Task<ProtocolReceipt> DepositAsync(EthKey payer, BigInteger tokens, bool approve = true, CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(payer, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(payer, "deposit", ct, tokens).ConfigureAwait(false);
    }

    /// <summary>Starts (or replaces; 0 cancels) the thawing of <paramref name="tokens"/> of the escrow.</summary>
    public Task<ProtocolReceipt> ThawAsync(EthKey payer, BigInteger tokens, CancellationToken ct = default) => _c.SendAsync(payer, "thaw", ct, tokens);

    public Task<ProtocolReceipt> WithdrawAsync(EthKey payer, CancellationToken ct = default) => _c.SendAsync(payer, "withdraw", ct);

    /// <summary>Signs a voucher for this chain and contract with the payer's key.</summary>
    public SignedVoucher Sign(EthKey payer, Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.Sign(payer, ChainId, Address);
    }

    /// <summary>Redeems a signed voucher; the sender must be the voucher's indexer.</summary>
    public Task<ProtocolReceipt> RedeemAsync(EthKey indexer, SignedVoucher signed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var v = signed.Voucher;
        if (v.ValueAggregate.Sign < 0 || v.ValueAggregate > Voucher.MaxValue)
            throw new ProtocolException($"voucher valueAggregate {v.ValueAggregate} does not fit uint128");
        return _c.SendAsync(indexer, "redeem", ct, v.Payer, v.Indexer, v.DeploymentId.Bytes, v.TimestampNs, v.ValueAggregate, signed.Signature);
    }

    public async Task<EscrowInfo> GetEscrowAsync(Address payer, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("escrows", ct, payer).ConfigureAwait(false);
        return new EscrowInfo(payer, (BigInteger)v[0], (BigInteger)v[1], (long)(BigInteger)v[2]);
    }

    /// <summary>The voucher value already paid for (payer, indexer, deployment).</summary>
    public Task<BigInteger> CollectedAsync(Address payer, Address indexer, DeploymentId id, CancellationToken ct = default) =>
        _c.UIntAsync("collected", ct, payer, indexer, id.Bytes);

    /// <summary>How <paramref name="amount"/> would be split now (FeeSettlement.split).</summary>
    public async Task<FeeSplit> QuoteSplitAsync(Address indexer, DeploymentId id, BigInteger amount, CancellationToken ct = default)
    {
        var v = (object[])(await _c.CallAsync("split", ct, indexer, id.Bytes, amount).ConfigureAwait(false))[0];
        return new FeeSplit((BigInteger)v[0], (BigInteger)v[1], (BigInteger)v[2], (BigInteger)v[3], (BigInteger)v[4], (long)(BigInteger)v[5]);
    }

    public async Task<Hash32> DomainSeparatorAsync(CancellationToken ct = default) =>
        new((byte[])(await _c.CallAsync("domainSeparator", ct).ConfigureAwait(false))[0]);

    /// <summary>The digest as the contract computes it (for checking off-chain signing).</summary>
    public async Task<Hash32> VoucherDigestAsync(Voucher voucher, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        var v = await _c.CallAsync("voucherDigest", ct, voucher.Payer, voucher.Indexer, voucher.DeploymentId.Bytes, voucher.TimestampNs,
            voucher.ValueAggregate).ConfigureAwait(false);
        return new Hash32((byte[])v[0]);
    }

    /// <summary>A constructor parameter by its getter name ("protocolPercentage", "curationPercentage", "escrowThawingPeriod").</summary>
    public Task<BigInteger> ParameterAsync(string name, CancellationToken ct = default) => _c.UIntAsync(name, ct);
}
