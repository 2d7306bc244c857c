using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class FeeSettlementTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private async Task<DeploymentId> IndexerReadyAsync(bool curated, bool delegated, long cut = 1_000_000)
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        if (cut != 1_000_000)
        {
            await P.Staking.SetQueryFeeCutAsync(Indexer1, cut);
            await MineAsync(Params.QueryFeeCutCooldown);
        }
        var id = await PublishAsync();
        if (curated) await P.Curation.SignalAsync(Curator1, id, Dpi(500));
        if (delegated) await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(50_000));
        await P.Fees.DepositAsync(Payer1, Dpi(10_000));
        return id;
    }

    private SignedVoucher Voucher(DeploymentId id, BigInteger value, EthKey? payer = null, EthKey? indexer = null)
    {
        var p = payer ?? Payer1;
        return P.Fees.Sign(p, new Voucher(p.Address, (indexer ?? Indexer1).Address, id, 1_700_000_000_000_000_000, value));
    }

    [Theory]
    [InlineData(true, true, 700_000)]
    [InlineData(true, false, 700_000)]
    [InlineData(false, true, 250_000)]
    [InlineData(false, false, 1_000_000)]
    [InlineData(true, true, 0)]
    public async Task Redeem_pays_the_delta_split_by_the_formula(bool curated, bool delegated, long cut)
    {
        var id = await IndexerReadyAsync(curated, delegated, cut);
        var amount = Dpi(1234.567891234567891m);
        var expected = FeeSplit.Compute(amount, Params.ProtocolPercentage, Params.CurationPercentage, curated, cut, delegated);
        Assert.Equal(expected, await P.Fees.QuoteSplitAsync(Indexer1.Address, id, amount));

        var indexerBefore = await BalanceAsync(Indexer1);
        var burnedBefore = await P.Token.TotalBurnedAsync();
        var curationBefore = await P.Curation.GetPoolAsync(id);
        var delegationBefore = await P.Staking.GetDelegationPoolAsync(Indexer1.Address);

        var r = await P.Fees.RedeemAsync(Indexer1, Voucher(id, amount));
        var ev = r.Event("QueryFeesCollected");
        Assert.Equal(Payer1.Address, ev.Get<Address>("payer"));
        Assert.Equal(Indexer1.Address, ev.Get<Address>("indexer"));
        Assert.Equal(id.ToArray(), ev.Get<byte[]>("deploymentId"));
        Assert.Equal(amount, ev.Get<BigInteger>("valueAggregate"));
        Assert.Equal(expected.Amount, ev.Get<BigInteger>("amount"));
        Assert.Equal(expected.ProtocolTax, ev.Get<BigInteger>("protocolTax"));
        Assert.Equal(expected.CurationFees, ev.Get<BigInteger>("curationFees"));
        Assert.Equal(expected.IndexerFees, ev.Get<BigInteger>("indexerFees"));
        Assert.Equal(expected.DelegatorFees, ev.Get<BigInteger>("delegatorFees"));
        Assert.Equal(await P.Epochs.CurrentEpochAsync(), (long)ev.Get<BigInteger>("epoch"));
        Assert.Equal(amount, expected.ProtocolTax + expected.CurationFees + expected.IndexerFees + expected.DelegatorFees);

        Assert.Equal(indexerBefore + expected.IndexerFees, await BalanceAsync(Indexer1));
        Assert.Equal(burnedBefore + expected.ProtocolTax, await P.Token.TotalBurnedAsync());
        Assert.Equal(curationBefore.Tokens + expected.CurationFees, (await P.Curation.GetPoolAsync(id)).Tokens);
        Assert.Equal(delegationBefore.Tokens + expected.DelegatorFees, (await P.Staking.GetDelegationPoolAsync(Indexer1.Address)).Tokens);
        Assert.Equal(Dpi(10_000) - amount, (await P.GetEscrowAsync(Payer1.Address)).Balance);
        Assert.Equal(amount, await P.Fees.CollectedAsync(Payer1.Address, Indexer1.Address, id));
        Assert.Equal(curated ? 1 : 0, r.EventsNamed("CurationFeesAdded").Count());
        Assert.Equal(delegated && cut < 1_000_000 ? 1 : 0, r.EventsNamed("DelegationFeesAdded").Count());
    }

    [Fact]
    public async Task Only_the_increase_of_the_aggregate_is_paid_and_a_replay_pays_nothing()
    {
        var id = await IndexerReadyAsync(false, false);
        var first = Voucher(id, Dpi(100));
        await P.Fees.RedeemAsync(Indexer1, first);
        var replay = await RevertsAsync(ProtocolErrors.NothingToCollect, () => P.Fees.RedeemAsync(Indexer1, first));
        Assert.Equal("nothing to collect: the voucher's aggregate 100 DPI is not above the 100 DPI already collected (replayed or stale voucher)", replay.Message);
        var r = await P.Fees.RedeemAsync(Indexer1, Voucher(id, Dpi(250)));
        Assert.Equal(Dpi(150), r.Event("QueryFeesCollected").Get<BigInteger>("amount"));
        await RevertsAsync(ProtocolErrors.NothingToCollect, () => P.Fees.RedeemAsync(Indexer1, Voucher(id, Dpi(200)))); // stale
        Assert.Equal(Dpi(10_000) - Dpi(250), (await P.GetEscrowAsync(Payer1.Address)).Balance);
    }

    [Fact]
    public async Task A_voucher_cannot_be_moved_to_another_deployment_indexer_or_value()
    {
        var id = await IndexerReadyAsync(false, false);
        var other = await PublishAsync();
        await P.Staking.StakeAsync(Indexer2, MinStake);
        var signed = Voucher(id, Dpi(100));

        SignedVoucher Tampered(Voucher v) => new(v, signed.Signature);
        await RevertsAsync(ProtocolErrors.SignerNotPayer, () => P.Fees.RedeemAsync(Indexer1, Tampered(signed.Voucher with { DeploymentId = other })));
        await RevertsAsync(ProtocolErrors.SignerNotPayer, () => P.Fees.RedeemAsync(Indexer1, Tampered(signed.Voucher with { ValueAggregate = Dpi(1000) })));
        await RevertsAsync(ProtocolErrors.SignerNotPayer, () => P.Fees.RedeemAsync(Indexer2, Tampered(signed.Voucher with { Indexer = Indexer2.Address })));
        var wrongCaller = await RevertsAsync(ProtocolErrors.NotVoucherIndexer, () => P.Fees.RedeemAsync(Indexer2, signed));
        Assert.Equal(Indexer1.Address, (Address)wrongCaller["indexer"]);
        // signed by someone other than the payer it names
        var named = new Voucher(Payer1.Address, Indexer1.Address, id, 0, Dpi(100));
        var forged = new SignedVoucher(named, named.ToTypedData(P.ChainId, P.Fees.Address).Sign(Payer2).ToBytes65());
        var e = await RevertsAsync(ProtocolErrors.SignerNotPayer, () => P.Fees.RedeemAsync(Indexer1, forged));
        Assert.Equal(Payer2.Address, (Address)e["signer"]);
        // the untampered voucher still pays, once, and its counter is per deployment
        await P.Fees.RedeemAsync(Indexer1, signed);
        var onOther = Voucher(other, Dpi(100));
        Assert.Equal(Dpi(100), (await P.Fees.RedeemAsync(Indexer1, onOther)).Event("QueryFeesCollected").Get<BigInteger>("amount"));
    }

    [Fact]
    public async Task Malformed_signatures_are_refused()
    {
        var id = await IndexerReadyAsync(false, false);
        var good = Voucher(id, Dpi(1));
        var shortSig = good with { Signature = good.Signature[..64] };
        await RevertsAsync(ProtocolErrors.InvalidSignature, () => P.Fees.RedeemAsync(Indexer1, shortSig));
        var badV = (byte[])good.Signature.Clone();
        badV[64] = 29;
        await RevertsAsync(ProtocolErrors.InvalidSignature, () => P.Fees.RedeemAsync(Indexer1, good with { Signature = badV }));
        // the same signature with high s (n − s, v flipped) is malleable and refused
        var n = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);
        var s = new BigInteger(good.Signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var high = (byte[])good.Signature.Clone();
        (n - s).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(high.AsSpan(32 + 32 - (n - s).GetByteCount(isUnsigned: true)));
        high[64] = (byte)(high[64] == 27 ? 28 : 27);
        await RevertsAsync(ProtocolErrors.InvalidSignature, () => P.Fees.RedeemAsync(Indexer1, good with { Signature = high }));
        var zero = new byte[65];
        zero[64] = 27;
        await RevertsAsync(ProtocolErrors.InvalidSignature, () => P.Fees.RedeemAsync(Indexer1, good with { Signature = zero }));
    }

    [Fact]
    public async Task Redeem_reverts()
    {
        var unknown = new DeploymentId(Hash32.Of("unknown"));
        await RevertsAsync(ProtocolErrors.DeploymentNotFound, () => P.Fees.RedeemAsync(Indexer1, Voucher(unknown, 1)));
        var id = await PublishAsync();
        await RevertsAsync(ProtocolErrors.NotAnIndexer, () => P.Fees.RedeemAsync(Indexer1, Voucher(id, 1)));
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var e = await RevertsAsync(ProtocolErrors.InsufficientEscrow, () => P.Fees.RedeemAsync(Indexer1, Voucher(id, Dpi(5))));
        Assert.Equal("insufficient escrow: 5 DPI required, 0 DPI available", e.Message);
        await RevertsAsync(ProtocolErrors.NothingToCollect, () => P.Fees.RedeemAsync(Indexer1, Voucher(id, 0)));
        await Assert.ThrowsAsync<ProtocolException>(() => P.Fees.RedeemAsync(Indexer1, Voucher(id, Voucher_MaxPlusOne())));
        // deprecated deployments still pay
        await P.Fees.DepositAsync(Payer1, Dpi(5));
        await P.Registry.DeprecateAsync(Other, id);
        await P.Fees.RedeemAsync(Indexer1, Voucher(id, Dpi(5)));
    }

    private static BigInteger Voucher_MaxPlusOne() => Protocol.Voucher.MaxValue + 1;

    [Fact]
    public async Task Escrow_deposit_thaw_and_withdraw()
    {
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Fees.DepositAsync(Payer1, 0));
        var d = await P.Fees.DepositAsync(Payer1, Dpi(100));
        Assert.Equal(Dpi(100), d.Event("Deposited").Get<BigInteger>("balance"));
        await RevertsAsync(ProtocolErrors.NothingThawing, () => P.Fees.WithdrawAsync(Payer1));
        await RevertsAsync(ProtocolErrors.InsufficientEscrow, () => P.Fees.ThawAsync(Payer1, Dpi(101)));
        var t = await P.Fees.ThawAsync(Payer1, Dpi(40));
        var end = t.BlockNumber + Params.EscrowThawingPeriod;
        Assert.Equal(end, (long)t.Event("ThawStarted").Get<BigInteger>("thawEndBlock"));
        Assert.Equal(new EscrowInfo(Payer1.Address, Dpi(100), Dpi(40), end), await P.GetEscrowAsync(Payer1.Address));
        await RevertsAsync(ProtocolErrors.StillThawing, () => P.Fees.WithdrawAsync(Payer1));
        await MineAsync(Params.EscrowThawingPeriod);
        var before = await BalanceAsync(Payer1);
        var w = await P.Fees.WithdrawAsync(Payer1);
        Assert.Equal(Dpi(40), w.Event("Withdrawn").Get<BigInteger>("tokens"));
        Assert.Equal(Dpi(60), w.Event("Withdrawn").Get<BigInteger>("balance"));
        Assert.Equal(before + Dpi(40), await BalanceAsync(Payer1));

        var cancel = await P.Fees.ThawAsync(Payer1, Dpi(10));
        Assert.NotEqual(0, cancel.BlockNumber);
        var c = await P.Fees.ThawAsync(Payer1, 0);
        Assert.Equal(BigInteger.Zero, c.Event("ThawStarted").Get<BigInteger>("thawEndBlock"));
        await RevertsAsync(ProtocolErrors.NothingThawing, () => P.Fees.WithdrawAsync(Payer1));
    }

    [Fact]
    public async Task Thawing_escrow_still_pays_vouchers_and_shrinks_with_the_balance()
    {
        var id = await IndexerReadyAsync(false, false);
        await P.Fees.ThawAsync(Payer1, Dpi(10_000));
        await P.Fees.RedeemAsync(Indexer1, Voucher(id, Dpi(9_000)));
        var escrow = await P.GetEscrowAsync(Payer1.Address);
        Assert.Equal(Dpi(1_000), escrow.Balance);
        Assert.Equal(Dpi(1_000), escrow.Thawing);
        await MineAsync(Params.EscrowThawingPeriod);
        Assert.Equal(Dpi(1_000), (await P.Fees.WithdrawAsync(Payer1)).Event("Withdrawn").Get<BigInteger>("tokens"));
    }

    [Fact]
    public async Task The_voucher_digest_signed_in_CSharp_equals_the_contracts()
    {
        var id = await PublishAsync();
        var v = new Voucher(Payer1.Address, Indexer1.Address, id, 123_456_789, Dpi(42));
        Assert.Equal(await P.Fees.VoucherDigestAsync(v), v.Digest(P.ChainId, P.Fees.Address));
        var typed = v.ToTypedData(P.ChainId, P.Fees.Address);
        Assert.Equal(await P.Fees.DomainSeparatorAsync(), typed.DomainSeparator());
        Assert.Equal(Hash32.Of("Voucher(address payer,address indexer,bytes32 deploymentId,uint64 timestampNs,uint128 valueAggregate)"), typed.TypeHash("Voucher"));
        Assert.Throws<ProtocolException>(() => v.Sign(Payer2, P.ChainId, P.Fees.Address));
    }
}
