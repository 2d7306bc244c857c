using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// A seeded sequence of protocol actions sent with the typed client, by roles: indexers stake, set cuts, allocate and
/// close, unstake and withdraw, redeem vouchers; delegators delegate, undelegate and withdraw; curators signal and
/// unsignal; payers deposit, thaw and withdraw escrow and sign vouchers; a publisher publishes and deprecates; anyone
/// transfers tokens; blocks are mined to cross epochs and thawing periods. Actions the contracts refuse (the client
/// estimates first, so nothing is sent) are counted, not failures. Every event of every receipt is kept.
/// </summary>
internal sealed class ProtocolScenario
{
    private readonly ProtocolChain _chain;
    private readonly Random _random;
    private readonly List<EthKey> _indexers;
    private readonly List<EthKey> _delegators;
    private readonly List<EthKey> _curators;
    private readonly List<EthKey> _payers;
    private readonly EthKey _publisher;
    private readonly Dictionary<(Address Payer, Address Indexer, DeploymentId Id), BigInteger> _vouchers = [];
    private int _published;

    /// <param name="seed">Decides every choice and amount.</param>
    public ProtocolScenario(ProtocolChain chain, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chain.Actors.Count, Roles);
        _chain = chain;
        _random = new Random(seed);
        var a = chain.Actors;
        _indexers = [a[0], a[1], a[2]];
        _delegators = [a[3], a[4], a[5], a[6]];
        _curators = [a[7], a[8], a[9], a[10]];
        _payers = [a[11], a[12]];
        _publisher = a[13];
    }

    private ProtocolScenario(ProtocolScenario from, int seed)
    {
        _chain = from._chain;
        _random = new Random(seed);
        _indexers = from._indexers;
        _delegators = from._delegators;
        _curators = from._curators;
        _payers = from._payers;
        _publisher = from._publisher;
        _vouchers = new(from._vouchers);
        _published = from._published;
        Deployments = [.. from.Deployments];
        OpenAllocations = new(from.OpenAllocations);
        Allocations = [.. from.Allocations];
        Events = [.. from.Events];
        Succeeded = new(from.Succeeded, StringComparer.Ordinal);
        Refused = new(from.Refused, StringComparer.Ordinal);
    }

    /// <summary>A copy of this scenario's state with its own choices (for a branch the chain will abandon).</summary>
    public ProtocolScenario Fork(int seed) => new(this, seed);

    /// <summary>Actors the scenario needs.</summary>
    public const int Roles = 14;

    public List<DeploymentId> Deployments { get; } = [];

    /// <summary>Open allocations by id, with their indexer.</summary>
    public Dictionary<long, EthKey> OpenAllocations { get; } = [];

    public List<long> Allocations { get; } = [];

    /// <summary>Every event of every receipt, in order.</summary>
    public List<ProtocolEvent> Events { get; } = [];

    /// <summary>Actions that went through / that the contracts refused, by name.</summary>
    public SortedDictionary<string, int> Succeeded { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Every address that took part (actors and contracts), for the balance checks.</summary>
    public IEnumerable<Address> Indexers => _indexers.Select(k => k.Address);

    public IEnumerable<Address> Delegators => _delegators.Select(k => k.Address);

    public IEnumerable<Address> Curators => _curators.Select(k => k.Address);

    public IEnumerable<Address> Payers => _payers.Select(k => k.Address);

    private ProtocolClient P => _chain.Client;

    private static BigInteger T(long whole) => TokenAmount.Tokens(whole);

    /// <summary>
    /// A fixed opening that makes every kind of event happen at least once (publish, stake, cut, delegate, signal, deposit,
    /// allocate, redeem, close, undelegate, unsignal, unstake, thaw, withdrawals, deprecate).
    /// </summary>
    public async Task OpeningAsync()
    {
        for (var i = 0; i < 4; i++) await Do("publish", Publish);
        foreach (var ix in _indexers) await Do("stake", () => P.Staking.StakeAsync(ix, T(150_000 + (50_000 * _indexers.IndexOf(ix)))));
        await Do("setCut", () => P.Staking.SetQueryFeeCutAsync(_indexers[0], 800_000));
        await Do("setCut", () => P.Staking.SetQueryFeeCutAsync(_indexers[1], 500_000));
        await Do("delegate", () => P.Staking.DelegateAsync(_delegators[0], _indexers[0].Address, T(40_000)));
        await Do("delegate", () => P.Staking.DelegateAsync(_delegators[1], _indexers[0].Address, T(25_000)));
        await Do("delegate", () => P.Staking.DelegateAsync(_delegators[2], _indexers[1].Address, T(60_000)));
        await Do("signal", () => P.Curation.SignalAsync(_curators[0], Deployments[0], T(10_000)));
        await Do("signal", () => P.Curation.SignalAsync(_curators[1], Deployments[0], T(3_000)));
        await Do("signal", () => P.Curation.SignalAsync(_curators[2], Deployments[1], T(7_000)));
        foreach (var payer in _payers) await Do("deposit", () => P.Fees.DepositAsync(payer, T(200_000)));
        await Allocate(_indexers[0], Deployments[0]);
        await Allocate(_indexers[1], Deployments[1]);
        await Allocate(_indexers[2], Deployments[2]);
        await MineAsync(_chain.Parameters().EpochLength + 1);
        await Do("redeem", () => Redeem(_payers[0], _indexers[0], Deployments[0], T(1_234)));
        await Do("redeem", () => Redeem(_payers[1], _indexers[1], Deployments[1], T(5_000)));
        await Do("redeem", () => Redeem(_payers[0], _indexers[2], Deployments[2], T(777)));
        await Do("redeem", () => Redeem(_payers[0], _indexers[0], Deployments[0], T(321))); // the same triple again
        await CloseAny(_indexers[2]);
        await Do("undelegate", () => Undelegate(_delegators[1], _indexers[0], half: true));
        await Do("unsignal", () => Unsignal(_curators[1], Deployments[0], half: false));
        await Do("unstake", () => P.Staking.UnstakeAsync(_indexers[2], T(20_000)));
        await Do("thaw", () => P.Fees.ThawAsync(_payers[1], T(50_000)));
        await Do("transfer", () => P.Token.TransferAsync(_delegators[3], _curators[3].Address, T(1_000)));
        await MineAsync(Math.Max(_chain.Parameters().ThawingPeriod, _chain.Parameters().EscrowThawingPeriod) +
                        (_chain.Parameters().DelegationUnbondingPeriod * _chain.Parameters().EpochLength) + 1);
        await Do("withdraw", () => P.Staking.WithdrawAsync(_indexers[2]));
        await Do("withdrawDelegated", () => P.Staking.WithdrawDelegatedAsync(_delegators[1], _indexers[0].Address));
        await Do("withdrawEscrow", () => P.Fees.WithdrawAsync(_payers[1]));
        await Do("deprecate", () => P.Registry.DeprecateAsync(_publisher, Deployments[3]));
    }

    /// <summary><paramref name="steps"/> random actions.</summary>
    public async Task RandomAsync(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            var roll = _random.Next(100);
            switch (roll)
            {
                case < 4: await Do("publish", Publish); break;
                case < 8: await Do("stake", () => P.Staking.StakeAsync(Pick(_indexers), T(_random.Next(1_000, 60_000)))); break;
                case < 11: await Do("unstake", async () => await P.Staking.UnstakeAsync(Pick(_indexers), T(_random.Next(1_000, 40_000)))); break;
                case < 13: await Do("withdraw", () => P.Staking.WithdrawAsync(Pick(_indexers))); break;
                case < 16: await Do("setCut", () => P.Staking.SetQueryFeeCutAsync(Pick(_indexers), _random.Next(0, 1_000_001))); break;
                case < 26: await Do("delegate", () => P.Staking.DelegateAsync(Pick(_delegators), Pick(_indexers).Address, T(_random.Next(1, 80_000)))); break;
                case < 31: await Do("undelegate", () => Undelegate(Pick(_delegators), Pick(_indexers), _random.Next(2) == 0)); break;
                case < 33: await Do("withdrawDelegated", () => P.Staking.WithdrawDelegatedAsync(Pick(_delegators), Pick(_indexers).Address)); break;
                case < 42: await Do("signal", () => P.Curation.SignalAsync(Pick(_curators), Pick(Deployments), T(_random.Next(1, 20_000)))); break;
                case < 47: await Do("unsignal", () => Unsignal(Pick(_curators), Pick(Deployments), _random.Next(2) == 0)); break;
                case < 55: await Allocate(Pick(_indexers), Pick(Deployments)); break;
                case < 61: await CloseAny(Pick(_indexers)); break;
                case < 64: await Do("deposit", () => P.Fees.DepositAsync(Pick(_payers), T(_random.Next(1_000, 100_000)))); break;
                case < 66: await Do("thaw", () => P.Fees.ThawAsync(Pick(_payers), T(_random.Next(0, 30_000)))); break;
                case < 67: await Do("withdrawEscrow", () => P.Fees.WithdrawAsync(Pick(_payers))); break;
                case < 84:
                    await Do("redeem", () => Redeem(Pick(_payers), Pick(_indexers), Pick(Deployments), (T(1) * _random.Next(1, 5_000_000)) / 1000));
                    break;
                case < 87: await Do("transfer", () => P.Token.TransferAsync(Pick(_chain.Actors), Pick(_chain.Actors).Address, T(_random.Next(1, 5_000)))); break;
                case < 88: await Do("deprecate", () => P.Registry.DeprecateAsync(_publisher, Pick(Deployments))); break;
                default: await MineAsync(_random.Next(1, 8)); break;
            }
        }
    }

    private async Task<ProtocolReceipt> Publish()
    {
        var n = _published++;
        var id = DeploymentId.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes($"network-subgraph-tests/deployment/{n}")));
        var receipt = await P.Registry.PublishAsync(_publisher, id, $"{{\"name\":\"test-{n}\",\"network\":\"devnet\"}}");
        Deployments.Add(id);
        return receipt;
    }

    private async Task Allocate(EthKey indexer, DeploymentId id)
    {
        var available = await P.Staking.AvailableStakeAsync(indexer.Address);
        if (available.IsZero)
        {
            Refused["allocate"] = Refused.GetValueOrDefault("allocate") + 1;
            return;
        }

        var tokens = (available * _random.Next(10, 60)) / 100;
        await Do("allocate", async () =>
        {
            var (receipt, allocationId) = await P.Staking.AllocateAsync(indexer, id, BigInteger.Max(tokens, BigInteger.One));
            OpenAllocations[allocationId] = indexer;
            Allocations.Add(allocationId);
            return receipt;
        });
    }

    private async Task CloseAny(EthKey indexer)
    {
        var mine = OpenAllocations.Where(kv => kv.Value.Address == indexer.Address).Select(kv => kv.Key).ToList();
        if (mine.Count == 0)
        {
            Refused["close"] = Refused.GetValueOrDefault("close") + 1;
            return;
        }

        var id = mine[_random.Next(mine.Count)];
        var poi = new byte[32];
        _random.NextBytes(poi);
        poi[0] |= 1;
        await Do("close", async () =>
        {
            var receipt = await P.Staking.CloseAllocationAsync(indexer, id, new Hash32(poi));
            OpenAllocations.Remove(id);
            return receipt;
        });
    }

    private async Task<ProtocolReceipt> Redeem(EthKey payer, EthKey indexer, DeploymentId id, BigInteger increment)
    {
        var key = (payer.Address, indexer.Address, id);
        var value = _vouchers.GetValueOrDefault(key) + BigInteger.Max(increment, BigInteger.One);
        var signed = P.Fees.Sign(payer, new Voucher(payer.Address, indexer.Address, id, (ulong)DateTime.UtcNow.Ticks * 100, value));
        var receipt = await P.Fees.RedeemAsync(indexer, signed);
        _vouchers[key] = value;
        return receipt;
    }

    private async Task<ProtocolReceipt> Undelegate(EthKey delegator, EthKey indexer, bool half)
    {
        var shares = (await P.Staking.GetDelegationRecordAsync(indexer.Address, delegator.Address)).Shares;
        return await P.Staking.UndelegateAsync(delegator, indexer.Address, half ? shares / 2 : shares);
    }

    private async Task<ProtocolReceipt> Unsignal(EthKey curator, DeploymentId id, bool half)
    {
        var signal = await P.Curation.SignalOfAsync(id, curator.Address);
        return await P.Curation.UnsignalAsync(curator, id, half ? signal / 2 : signal);
    }

    public async Task MineAsync(long blocks)
    {
        await P.Rpc.MineAsync(blocks);
        Succeeded["mine"] = Succeeded.GetValueOrDefault("mine") + 1;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private async Task Do(string action, Func<Task<ProtocolReceipt>> send)
    {
        try
        {
            var receipt = await send();
            Events.AddRange(receipt.Events);
            Succeeded[action] = Succeeded.GetValueOrDefault(action) + 1;
        }
        catch (ProtocolRevertException)
        {
            Refused[action] = Refused.GetValueOrDefault(action) + 1;
        }
    }
}
