using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>Curation: signal and unsignal on deployments through the flat bonding curve.</summary>
public sealed class CurationClient
{
    private readonly ContractPort _c;
    private readonly TokenClient _token;

    internal CurationClient(ContractPort port, TokenClient token)
    {
        _c = port;
        _token = token;
    }

    public Address Address => _c.Address;

    /// <summary>Deposits <paramref name="tokens"/> (approving Curation first when <paramref name="approve"/> and the allowance is short).</summary>
    public async Task<ProtocolReceipt> SignalAsync(EthKey curator, DeploymentId id, BigInteger tokens, BigInteger minSignal = default,
        bool approve = true, CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(curator, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(curator, "signal", ct, id.Bytes, tokens, minSignal).ConfigureAwait(false);
    }

    public Task<ProtocolReceipt> UnsignalAsync(EthKey curator, DeploymentId id, BigInteger signal, BigInteger minTokens = default,
        CancellationToken ct = default) =>
        _c.SendAsync(curator, "unsignal", ct, id.Bytes, signal, minTokens);

    /// <summary>Adds tokens to a curated pool's reserve (what FeeSettlement does with the curators' share).</summary>
    public async Task<ProtocolReceipt> AddFeesAsync(EthKey from, DeploymentId id, BigInteger tokens, bool approve = true, CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(from, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(from, "addFees", ct, id.Bytes, tokens).ConfigureAwait(false);
    }

    public async Task<CurationPool> GetPoolAsync(DeploymentId id, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("pools", ct, id.Bytes).ConfigureAwait(false);
        return new CurationPool((BigInteger)v[0], (BigInteger)v[1]);
    }

    public Task<BigInteger> SignalOfAsync(DeploymentId id, Address curator, CancellationToken ct = default) =>
        _c.UIntAsync("signalOf", ct, id.Bytes, curator);

    /// <summary>Signal minted and tax burned if <paramref name="tokens"/> were deposited now.</summary>
    public async Task<SignalQuote> QuoteSignalAsync(DeploymentId id, BigInteger tokens, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("tokensToSignal", ct, id.Bytes, tokens).ConfigureAwait(false);
        return new SignalQuote(tokens, (BigInteger)v[0], (BigInteger)v[1]);
    }

    /// <summary>Tokens returned if <paramref name="signal"/> were burned now.</summary>
    public Task<BigInteger> QuoteUnsignalAsync(DeploymentId id, BigInteger signal, CancellationToken ct = default) =>
        _c.UIntAsync("signalToTokens", ct, id.Bytes, signal);

    public Task<bool> IsCuratedAsync(DeploymentId id, CancellationToken ct = default) => _c.BoolAsync("isCurated", ct, id.Bytes);
    public Task<BigInteger> CurationTaxPercentageAsync(CancellationToken ct = default) => _c.UIntAsync("curationTaxPercentage", ct);
    public Task<BigInteger> MinimumCurationDepositAsync(CancellationToken ct = default) => _c.UIntAsync("minimumCurationDeposit", ct);
}
