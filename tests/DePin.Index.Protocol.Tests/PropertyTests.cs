using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Tests.Support;
using Xunit.Abstractions;

namespace DePin.Index.Protocol.Tests;

/// <summary>
/// Seeded random sequences of every action (valid and invalid). After each one: token conservation to the wei,
/// every wallet equal to a shadow ledger kept in C#, every burn accounted by an event, every revert a decoded custom
/// error (never a panic), and every fee split, share and signal equal to its formula computed in C#.
/// </summary>
public sealed class PropertyTests(ProtocolChainFixture chain, ITestOutputHelper output) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private const int Steps = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public async Task Random_sequences_conserve_tokens_and_follow_the_formulas(int seed)
    {
        var run = new Run(this, new Random(seed));
        await run.StartAsync();
        for (var i = 0; i < Steps; i++) await run.StepAsync(i);
        output.WriteLine($"seed {seed}: {Steps} steps, {run.Succeeded} succeeded (by action: {string.Join(" ", run.Done.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}"))}), {run.Reverted} reverted ({string.Join(", ", run.RevertNames.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))})");
        Assert.True(run.Succeeded >= Steps / 2, $"only {run.Succeeded} of {Steps} actions succeeded: the generator is too hostile to test anything");
    }

    private sealed class Run(PropertyTests t, Random rng)
    {
        private readonly ProtocolClient _p = t.P;
        private readonly EthKey[] _indexers = [t.Indexer1, t.Indexer2];
        private readonly EthKey[] _delegators = [t.Delegator1, t.Delegator2];
        private readonly EthKey[] _curators = [t.Curator1, t.Curator2];
        private readonly EthKey[] _payers = [t.Payer1, t.Payer2];
        private readonly List<DeploymentId> _deployments = [];
        private readonly List<long> _allocations = [];
        private readonly Dictionary<Address, BigInteger> _wallets = [];
        private readonly Dictionary<(Address, Address, DeploymentId), BigInteger> _signed = [];
        private BigInteger _burnedByEvents;
        private BigInteger _burnedAtStart;

        public int Succeeded { get; private set; }
        public int Reverted { get; private set; }
        public Dictionary<string, int> RevertNames { get; } = [];
        public Dictionary<int, int> Done { get; } = [];

        private IEnumerable<EthKey> Actors => t.Chain.Actors.Values;

        public async Task StartAsync()
        {
            foreach (var a in Actors) _wallets[a.Address] = await _p.Token.BalanceOfAsync(a.Address);
            _burnedAtStart = await _p.Token.TotalBurnedAsync();
            for (var i = 0; i < 2; i++) await PublishAsync();
            // a running network to act on (every later action may still be invalid on purpose)
            foreach (var i in _indexers)
            {
                var tokens = MinStake + Amount(100_000);
                await _p.Staking.StakeAsync(i, tokens);
                Wallet(i, -tokens);
            }
            foreach (var p in _payers)
            {
                var tokens = Amount(50_000);
                await _p.Fees.DepositAsync(p, tokens);
                Wallet(p, -tokens);
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private BigInteger Amount(long maxWhole) => TokenAmount.Tokens(rng.NextInt64(1, maxWhole + 1)) + rng.NextInt64(0, 1_000_000_000);

        private void Wallet(EthKey who, BigInteger delta) => _wallets[who.Address] += delta;

        private async Task PublishAsync()
        {
            var id = new DeploymentId(Hash32.Of($"deployment {rng.NextInt64()}"));
            await _p.Registry.PublishAsync(t.Other, id, "{}");
            _deployments.Add(id);
        }

        public async Task StepAsync(int step)
        {
            var kind = rng.Next(17);
            try
            {
                await ActAsync(kind);
                Succeeded++;
                Done[kind] = Done.GetValueOrDefault(kind) + 1;
            }
            catch (ProtocolRevertException e)
            {
                Assert.True(e.Revert?.Kind == RevertKind.Custom, $"step {step} (action {kind}) reverted without a custom error: {e.Message}");
                Reverted++;
                RevertNames[e.ErrorName] = RevertNames.GetValueOrDefault(e.ErrorName) + 1;
            }
            await CheckInvariantsAsync(step, kind);
        }

        private async Task ActAsync(int kind)
        {
            switch (kind)
            {
                case 0: // stake (sometimes below the minimum)
                    {
                        var who = Pick(_indexers);
                        var tokens = rng.Next(4) == 0 ? Amount(50_000) : Amount(200_000);
                        await _p.Staking.StakeAsync(who, tokens);
                        Wallet(who, -tokens);
                        break;
                    }
                case 1: // unstake
                    {
                        var who = Pick(_indexers);
                        var own = await _p.Staking.OwnStakeAsync(who.Address);
                        var tokens = rng.Next(3) == 0 ? own : (own.IsZero ? 1 : own / (rng.Next(2, 6)));
                        await _p.Staking.UnstakeAsync(who, tokens);
                        break;
                    }
                case 2: // withdraw thawed stake
                    {
                        var who = Pick(_indexers);
                        var r = await _p.Staking.WithdrawAsync(who);
                        Wallet(who, r.Event("StakeWithdrawn").Get<BigInteger>("tokens"));
                        break;
                    }
                case 3: // set cut
                    await _p.Staking.SetQueryFeeCutAsync(Pick(_indexers), rng.Next(0, 1_000_001));
                    break;
                case 4: // delegate: shares = tokens after tax if the pool is empty, else net × shares / tokens
                    {
                        var who = Pick(_delegators);
                        var indexer = Pick(_indexers);
                        var tokens = Amount(100_000);
                        var pool = await _p.Staking.GetDelegationPoolAsync(indexer.Address);
                        var net = tokens - tokens * Params.DelegationTaxPercentage / 1_000_000;
                        var shares = pool.Shares.IsZero ? net : net * pool.Shares / pool.Tokens;
                        var r = await _p.Staking.DelegateAsync(who, indexer.Address, tokens);
                        var ev = r.Event("StakeDelegated");
                        Assert.Equal(shares, ev.Get<BigInteger>("shares"));
                        _burnedByEvents += ev.Get<BigInteger>("tax");
                        Wallet(who, -tokens);
                        break;
                    }
                case 5: // undelegate: tokens = shares × pool tokens / pool shares
                    {
                        var who = Pick(_delegators);
                        var indexer = Pick(_indexers);
                        var d = await _p.Staking.GetDelegationRecordAsync(indexer.Address, who.Address);
                        var shares = rng.Next(3) == 0 ? d.Shares + 1 : BigInteger.Max(1, d.Shares / rng.Next(1, 4));
                        var pool = await _p.Staking.GetDelegationPoolAsync(indexer.Address);
                        var r = await _p.Staking.UndelegateAsync(who, indexer.Address, shares);
                        Assert.Equal(shares * pool.Tokens / pool.Shares, r.Event("StakeDelegatedLocked").Get<BigInteger>("tokens"));
                        break;
                    }
                case 6: // withdraw delegation
                    {
                        var who = Pick(_delegators);
                        var r = await _p.Staking.WithdrawDelegatedAsync(who, Pick(_indexers).Address);
                        Wallet(who, r.Event("StakeDelegatedWithdrawn").Get<BigInteger>("tokens"));
                        break;
                    }
                case 7: // signal: signal = net if the pool is empty, else net × signal / tokens
                    {
                        var who = Pick(_curators);
                        var id = Pick(_deployments);
                        var tokens = rng.Next(5) == 0 ? TokenAmount.One - 1 : Amount(5_000);
                        var pool = await _p.Curation.GetPoolAsync(id);
                        var tax = tokens * Params.CurationTaxPercentage / 1_000_000;
                        var signal = pool.Signal.IsZero ? tokens - tax : (tokens - tax) * pool.Signal / pool.Tokens;
                        var r = await _p.Curation.SignalAsync(who, id, tokens);
                        var ev = r.Event("Signalled");
                        Assert.Equal(signal, ev.Get<BigInteger>("signal"));
                        Assert.Equal(tax, ev.Get<BigInteger>("tax"));
                        _burnedByEvents += tax;
                        Wallet(who, -tokens);
                        break;
                    }
                case 8: // unsignal: tokens = signal × pool tokens / pool signal
                    {
                        var who = Pick(_curators);
                        var id = Pick(_deployments);
                        var held = await _p.Curation.SignalOfAsync(id, who.Address);
                        var signal = rng.Next(4) == 0 ? held + 1 : BigInteger.Max(1, held / rng.Next(1, 4));
                        var pool = await _p.Curation.GetPoolAsync(id);
                        var r = await _p.Curation.UnsignalAsync(who, id, signal);
                        var tokens = signal * pool.Tokens / pool.Signal;
                        Assert.Equal(tokens, r.Event("Unsignalled").Get<BigInteger>("tokens"));
                        Wallet(who, tokens);
                        break;
                    }
                case 9: // allocate
                    {
                        var who = Pick(_indexers);
                        var available = await _p.Staking.AvailableStakeAsync(who.Address);
                        var tokens = rng.Next(4) == 0 ? available + 1 : BigInteger.Max(1, available / rng.Next(2, 5));
                        var (_, id) = await _p.Staking.AllocateAsync(who, Pick(_deployments), tokens);
                        _allocations.Add(id);
                        break;
                    }
                case 10: // close
                    {
                        if (_allocations.Count == 0) goto case 9;
                        var id = Pick(_allocations);
                        var owner = (await _p.Staking.GetAllocationAsync(id))!.Indexer;
                        var who = rng.Next(5) == 0 ? _indexers.First(k => k.Address != owner) : _indexers.First(k => k.Address == owner);
                        await _p.Staking.CloseAllocationAsync(who, id, Hash32.Of($"poi {id}"));
                        break;
                    }
                case 11: // deposit escrow
                    {
                        var who = Pick(_payers);
                        var tokens = Amount(20_000);
                        await _p.Fees.DepositAsync(who, tokens);
                        Wallet(who, -tokens);
                        break;
                    }
                case 12: // thaw escrow
                    {
                        var who = Pick(_payers);
                        var e = await _p.GetEscrowAsync(who.Address);
                        await _p.Fees.ThawAsync(who, rng.Next(4) == 0 ? e.Balance + 1 : e.Balance / rng.Next(1, 4));
                        break;
                    }
                case 13: // withdraw escrow
                    {
                        var who = Pick(_payers);
                        var r = await _p.Fees.WithdrawAsync(who);
                        Wallet(who, r.Event("Withdrawn").Get<BigInteger>("tokens"));
                        break;
                    }
                case 14 or 15: // redeem a voucher (sometimes a replay); the split must equal FeeSplit.Compute
                    await RedeemAsync();
                    break;
                default: // time passes; sometimes a new deployment
                    await t.MineAsync(rng.Next(1, 25));
                    if (rng.Next(4) == 0) await PublishAsync();
                    break;
            }
        }

        private async Task RedeemAsync()
        {
            var payer = Pick(_payers);
            var indexer = Pick(_indexers);
            var id = Pick(_deployments);
            var key = (payer.Address, indexer.Address, id);
            var last = _signed.GetValueOrDefault(key);
            var value = rng.Next(5) == 0 ? last : last + Amount(2_000);
            var signed = _p.Fees.Sign(payer, new Voucher(payer.Address, indexer.Address, id, (ulong)rng.NextInt64(), value));

            var collected = await _p.Fees.CollectedAsync(payer.Address, indexer.Address, id);
            var curated = await _p.Curation.IsCuratedAsync(id);
            var delegated = await _p.Staking.HasDelegatorsAsync(indexer.Address);
            var cut = await _p.Staking.QueryFeeCutAsync(indexer.Address);
            var curationPool = await _p.Curation.GetPoolAsync(id);
            var delegationPool = await _p.Staking.GetDelegationPoolAsync(indexer.Address);
            var escrow = await _p.GetEscrowAsync(payer.Address);

            var r = await _p.Fees.RedeemAsync(indexer, signed);
            _signed[key] = value;
            var expected = FeeSplit.Compute(value - collected, Params.ProtocolPercentage, Params.CurationPercentage, curated, cut, delegated);
            var ev = r.Event("QueryFeesCollected");
            var actual = new FeeSplit(ev.Get<BigInteger>("amount"), ev.Get<BigInteger>("protocolTax"), ev.Get<BigInteger>("curationFees"),
                ev.Get<BigInteger>("indexerFees"), ev.Get<BigInteger>("delegatorFees"), cut);
            Assert.Equal(expected, actual);
            Assert.Equal(curationPool.Tokens + expected.CurationFees, (await _p.Curation.GetPoolAsync(id)).Tokens);
            Assert.Equal(delegationPool.Tokens + expected.DelegatorFees, (await _p.Staking.GetDelegationPoolAsync(indexer.Address)).Tokens);
            Assert.Equal(escrow.Balance - expected.Amount, (await _p.GetEscrowAsync(payer.Address)).Balance);
            _burnedByEvents += expected.ProtocolTax;
            Wallet(indexer, expected.IndexerFees);
        }

        private async Task CheckInvariantsAsync(int step, int kind)
        {
            var where = $"after step {step} (action {kind})";
            var token = _p.Token;
            var supply = await token.TotalSupplyAsync();
            var burned = await token.TotalBurnedAsync();
            Assert.True(supply == await token.TotalMintedAsync() - burned, $"{where}: supply != minted − burned");
            Assert.True(burned - _burnedAtStart == _burnedByEvents, $"{where}: burned {burned - _burnedAtStart} but events account for {_burnedByEvents}");

            BigInteger held = 0;
            foreach (var a in Actors)
            {
                var balance = await token.BalanceOfAsync(a.Address);
                Assert.True(_wallets[a.Address] == balance, $"{where}: wallet of {a.Address} is {balance}, the ledger says {_wallets[a.Address]}");
                held += balance;
            }
            var staking = await token.BalanceOfAsync(_p.Staking.Address);
            var curation = await token.BalanceOfAsync(_p.Curation.Address);
            var fees = await token.BalanceOfAsync(_p.Fees.Address);
            held += staking + curation + fees + await token.BalanceOfAsync(t.Chain.Deployer.Address);
            Assert.True(supply == held, $"{where}: total supply {supply} != every balance {held}");

            BigInteger locked = 0;
            foreach (var i in _indexers)
            {
                locked += (await _p.Staking.GetStakeAsync(i.Address)).Staked + (await _p.Staking.GetDelegationPoolAsync(i.Address)).Tokens;
                foreach (var d in _delegators) locked += (await _p.Staking.GetDelegationRecordAsync(i.Address, d.Address)).LockedTokens;
            }
            Assert.True(staking == locked, $"{where}: Staking holds {staking}, its books say {locked}");
            BigInteger pools = 0;
            foreach (var id in _deployments) pools += (await _p.Curation.GetPoolAsync(id)).Tokens;
            Assert.True(curation == pools, $"{where}: Curation holds {curation}, its pools say {pools}");
            BigInteger escrows = 0;
            foreach (var p in _payers) escrows += (await _p.GetEscrowAsync(p.Address)).Balance;
            Assert.True(fees == escrows, $"{where}: FeeSettlement holds {fees}, the escrows say {escrows}");
        }
    }
}
