using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol;
using DePin.Index.Subgraph.Values;
using static DePin.Index.NetworkSubgraph.Tests.Fixtures.Mismatches;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// Compares the network subgraph's entities (read from PostgreSQL) with the contracts' own getters (eth_call at the same
/// head): every indexer, delegation, curator signal, deployment pool, allocation, escrow, voucher counter and token
/// balance, the network totals, and every fee split with the events that reported it.
/// </summary>
internal sealed partial class ContractComparison(ProtocolClient client, ProtocolScenario scenario, Dictionary<string, Dictionary<string, Entity>> entities)
{
    private readonly Mismatches _m = new();

    public async Task<Mismatches> RunAsync()
    {
        await IndexersAsync();
        await DelegationsAsync();
        await DeploymentsAndSignalsAsync();
        await AllocationsAsync();
        await EscrowsAndVouchersAsync();
        await BalancesAndTotalsAsync();
        Redemptions();
        await ParametersAsync();
        Counts();
        await EpochsAsync();
        return _m;
    }

    private Dictionary<string, Entity> Of(string type) => entities.GetValueOrDefault(type) ?? [];

    private static string Key(Address a) => a.ToHex();

    private async Task IndexersAsync()
    {
        var indexers = Of("Indexer");
        foreach (var address in scenario.Indexers)
        {
            var stake = await client.Staking.GetStakeAsync(address);
            var info = await client.GetIndexerAsync(address);
            var pool = await client.Staking.GetDelegationPoolAsync(address);
            if (!indexers.TryGetValue(Key(address), out var e))
            {
                _m.True(stake.Staked.IsZero, $"indexer {address} has stake {stake.Staked} but no Indexer entity");
                continue;
            }

            var w = $"Indexer {address}";
            _m.Equal(stake.Staked, Big(e, "stakedTokens"), $"{w}.stakedTokens");
            _m.Equal(stake.Thawing, Big(e, "thawingTokens"), $"{w}.thawingTokens");
            _m.Equal(stake.ThawingUntilBlock, Long(e, "thawingUntilBlock"), $"{w}.thawingUntilBlock");
            _m.Equal(stake.Allocated, Big(e, "allocatedTokens"), $"{w}.allocatedTokens");
            _m.Equal(stake.StoredQueryFeeCut, (long)Int(e, "queryFeeCut"), $"{w}.queryFeeCut");
            _m.Equal(stake.PendingQueryFeeCut, (long)Int(e, "pendingQueryFeeCut"), $"{w}.pendingQueryFeeCut");
            _m.Equal(stake.CutEffectiveBlock, Long(e, "cutEffectiveBlock"), $"{w}.cutEffectiveBlock");
            _m.Equal(info.OwnStake, Big(e, "ownStake"), $"{w}.ownStake");
            _m.Equal(pool.Tokens, Big(e, "delegatedTokens"), $"{w}.delegatedTokens");
            _m.Equal(pool.Shares, Big(e, "delegationShares"), $"{w}.delegationShares");
            _m.Equal(info.DelegatedCapacity, Big(e, "delegatedCapacity"), $"{w}.delegatedCapacity");
            _m.Equal(info.AvailableStake, Big(e, "availableStake"), $"{w}.availableStake");
        }

        _m.Equal(scenario.Indexers.Count(a => indexers.ContainsKey(Key(a))), indexers.Count, "Indexer entities (only the scenario's indexers staked)");
    }

    private async Task DelegationsAsync()
    {
        var stakes = Of("DelegatedStake");
        var found = 0;
        foreach (var indexer in scenario.Indexers)
        {
            foreach (var delegator in scenario.Delegators)
            {
                var record = await client.Staking.GetDelegationRecordAsync(indexer, delegator);
                var w = $"DelegatedStake {indexer}/{delegator}";
                if (!stakes.TryGetValue(Key(indexer) + Key(delegator)[2..], out var e))
                {
                    _m.True(record.Shares.IsZero && record.LockedTokens.IsZero, $"{w}: contracts hold {record}, no entity");
                    continue;
                }

                found++;
                _m.Equal(record.Shares, Big(e, "shares"), $"{w}.shares");
                _m.Equal(record.LockedTokens, Big(e, "lockedTokens"), $"{w}.lockedTokens");
                _m.Equal(record.LockedUntilEpoch, Long(e, "lockedUntilEpoch"), $"{w}.lockedUntilEpoch");
                _m.Equal(Hex(e, "indexer"), Key(indexer), $"{w}.indexer");
            }
        }

        _m.Equal(found, stakes.Count, "DelegatedStake entities");
        _m.True(found > 0, "no delegation was compared");
    }

    private async Task DeploymentsAndSignalsAsync()
    {
        var deployments = Of("SubgraphDeployment");
        var signals = Of("Signal");
        var allocations = Of("Allocation");
        var signalsFound = 0;
        foreach (var id in scenario.Deployments)
        {
            var w = $"SubgraphDeployment {id}";
            var info = await client.GetDeploymentAsync(id) ?? throw new InvalidOperationException($"{id} is not published");
            var pool = await client.Curation.GetPoolAsync(id);
            if (!deployments.TryGetValue(id.ToHex(), out var e))
            {
                _m.True(false, $"{w}: published, no entity");
                continue;
            }

            _m.Equal(id.ToCid(), e["ipfsHash"].AsString(), $"{w}.ipfsHash");
            _m.Equal(Key(info.Publisher), Hex(e, "publisher"), $"{w}.publisher");
            _m.Equal(info.Metadata, e["metadata"].AsString(), $"{w}.metadata");
            _m.Equal(info.PublishedAtBlock, Long(e, "publishedAtBlock"), $"{w}.publishedAtBlock");
            _m.Equal(info.Deprecated, e["deprecated"].AsBool(), $"{w}.deprecated");
            _m.Equal(pool.Tokens, Big(e, "signalledTokens"), $"{w}.signalledTokens");
            _m.Equal(pool.Signal, Big(e, "signalAmount"), $"{w}.signalAmount");
            var open = allocations.Values.Where(a => Hex(a, "deployment") == id.ToHex() && a["status"].AsString() == "Active").ToList();
            _m.Equal(open.Count, Int(e, "activeAllocationCount"), $"{w}.activeAllocationCount");
            _m.Equal(open.Aggregate(BigInteger.Zero, (s, a) => s + Big(a, "tokens")), Big(e, "allocatedTokens"), $"{w}.allocatedTokens");

            var holders = 0;
            foreach (var curator in scenario.Curators)
            {
                var held = await client.Curation.SignalOfAsync(id, curator);
                var key = id.ToHex() + Key(curator)[2..];
                if (!signals.TryGetValue(key, out var s))
                {
                    _m.True(held.IsZero, $"Signal {id}/{curator}: contracts hold {held}, no entity");
                    continue;
                }

                signalsFound++;
                _m.Equal(held, Big(s, "signal"), $"Signal {id}/{curator}.signal");
                holders += held.IsZero ? 0 : 1;
            }

            _m.Equal(holders, Int(e, "activeSignalCount"), $"{w}.activeSignalCount");
        }

        _m.Equal(scenario.Deployments.Count, deployments.Count, "SubgraphDeployment entities");
        _m.Equal(signalsFound, signals.Count, "Signal entities");
        _m.True(signalsFound > 0, "no signal was compared");
    }

    private async Task AllocationsAsync()
    {
        var allocations = Of("Allocation");
        foreach (var id in scenario.Allocations)
        {
            var info = await client.GetAllocationAsync(id) ?? throw new InvalidOperationException($"allocation {id} does not exist");
            var w = $"Allocation {id}";
            if (!allocations.TryGetValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var e))
            {
                _m.True(false, $"{w}: no entity");
                continue;
            }

            _m.Equal(Key(info.Indexer), Hex(e, "indexer"), $"{w}.indexer");
            _m.Equal(info.DeploymentId.ToHex(), Hex(e, "deployment"), $"{w}.deployment");
            _m.Equal(info.Tokens, Big(e, "tokens"), $"{w}.tokens");
            _m.Equal(info.CreatedAtEpoch, Long(e, "createdAtEpoch"), $"{w}.createdAtEpoch");
            _m.Equal(info.ClosedAtEpoch, Long(e, "closedAtEpoch"), $"{w}.closedAtEpoch");
            _m.Equal(info.Poi.ToHex(), Hex(e, "poi"), $"{w}.poi");
            _m.Equal(info.Open ? "Active" : "Closed", e["status"].AsString(), $"{w}.status");
        }

        _m.Equal(scenario.Allocations.Count, allocations.Count, "Allocation entities");
        _m.True(allocations.Values.Any(a => a["status"].AsString() == "Closed"), "no closed allocation was compared");
    }

    private async Task EscrowsAndVouchersAsync()
    {
        var payers = Of("Payer");
        foreach (var address in scenario.Payers)
        {
            var escrow = await client.GetEscrowAsync(address);
            var w = $"Payer {address}";
            if (!payers.TryGetValue(Key(address), out var e))
            {
                _m.True(escrow.Balance.IsZero, $"{w}: escrow {escrow.Balance}, no entity");
                continue;
            }

            _m.Equal(escrow.Balance, Big(e, "escrowBalance"), $"{w}.escrowBalance");
            _m.Equal(escrow.Thawing, Big(e, "thawingTokens"), $"{w}.thawingTokens");
            _m.Equal(escrow.ThawEndBlock, Long(e, "thawEndBlock"), $"{w}.thawEndBlock");
        }

        var collections = Of("VoucherCollection");
        var triples = scenario.Events.Where(e => e.Name == "QueryFeesCollected")
            .Select(e => (Payer: e.Get<Address>("payer"), Indexer: e.Get<Address>("indexer"), Id: Hex(e["deploymentId"])))
            .Distinct().ToList();
        foreach (var (payer, indexer, id) in triples)
        {
            var collected = await client.Fees.CollectedAsync(payer, indexer, DeploymentId.Parse(id));
            var key = Key(payer) + Key(indexer)[2..] + id[2..];
            var w = $"VoucherCollection {payer}/{indexer}/{id}";
            if (collections.TryGetValue(key, out var e))
            {
                _m.Equal(collected, Big(e, "collected"), $"{w}.collected");
            }
            else
            {
                _m.True(false, $"{w}: collected {collected}, no entity");
            }
        }

        _m.Equal(triples.Count, collections.Count, "VoucherCollection entities");
    }

    private async Task BalancesAndTotalsAsync()
    {
        var accounts = Of("Account");
        var holders = new HashSet<Address>(scenario.Indexers.Concat(scenario.Delegators).Concat(scenario.Curators).Concat(scenario.Payers));
        foreach (var a in client.Addresses.ByName.Values) holders.Add(a);
        foreach (var key in accounts.Keys) holders.Add(Address.Parse(key));
        var sum = BigInteger.Zero;
        foreach (var address in holders)
        {
            var balance = await client.Token.BalanceOfAsync(address);
            var indexed = accounts.TryGetValue(Key(address), out var e) ? Big(e, "balance") : BigInteger.Zero;
            _m.Equal(balance, indexed, $"Account {address}.balance");
            sum += indexed;
        }

        var n = Of("GraphNetwork")["1"];
        var supply = await client.Token.TotalSupplyAsync();
        _m.Equal(supply, Big(n, "totalSupply"), "GraphNetwork.totalSupply");
        _m.Equal(await client.Token.TotalMintedAsync(), Big(n, "totalMinted"), "GraphNetwork.totalMinted");
        var burned = await client.Token.TotalBurnedAsync();
        _m.Equal(burned, Big(n, "totalBurned"), "GraphNetwork.totalBurned");
        _m.Equal(supply, accounts.Values.Aggregate(BigInteger.Zero, (s, a) => s + Big(a, "balance")), "Σ Account.balance = totalSupply");
        _m.Equal(burned, Big(n, "totalCurationTax") + Big(n, "totalDelegationTax") + Big(n, "totalProtocolTax"),
            "totalBurned = curation tax + delegation tax + protocol tax");

        BigInteger Sum(string type, string field) => Of(type).Values.Aggregate(BigInteger.Zero, (s, e) => s + Big(e, field));
        _m.Equal(Sum("Indexer", "stakedTokens"), Big(n, "totalTokensStaked"), "GraphNetwork.totalTokensStaked = Σ Indexer.stakedTokens");
        _m.Equal(Sum("Indexer", "thawingTokens"), Big(n, "totalTokensThawing"), "GraphNetwork.totalTokensThawing");
        _m.Equal(Sum("Indexer", "allocatedTokens"), Big(n, "totalTokensAllocated"), "GraphNetwork.totalTokensAllocated");
        _m.Equal(Sum("Indexer", "delegatedTokens"), Big(n, "totalDelegatedTokens"), "GraphNetwork.totalDelegatedTokens");
        _m.Equal(Sum("DelegatedStake", "lockedTokens"), Big(n, "totalDelegatedTokensUnbonding"), "GraphNetwork.totalDelegatedTokensUnbonding");
        _m.Equal(Sum("SubgraphDeployment", "signalledTokens"), Big(n, "totalTokensSignalled"), "GraphNetwork.totalTokensSignalled");
        _m.Equal(Sum("SubgraphDeployment", "signalAmount"), Big(n, "totalSignal"), "GraphNetwork.totalSignal");
        _m.Equal(Sum("Payer", "escrowBalance"), Big(n, "totalEscrowBalance"), "GraphNetwork.totalEscrowBalance");

        var contracts = client.Addresses.ByName;
        _m.Equal(await client.Token.BalanceOfAsync(contracts["Staking"]),
            Big(n, "totalTokensStaked") + Big(n, "totalDelegatedTokens") + Big(n, "totalDelegatedTokensUnbonding"),
            "balanceOf(Staking) = staked + delegation pools + unbonding");
        _m.Equal(await client.Token.BalanceOfAsync(contracts["Curation"]), Big(n, "totalTokensSignalled"), "balanceOf(Curation) = Σ curation pools");
        _m.Equal(await client.Token.BalanceOfAsync(contracts["FeeSettlement"]), Big(n, "totalEscrowBalance"), "balanceOf(FeeSettlement) = Σ escrows");
        _m.Equal(await client.Registry.DeploymentCountAsync(), (long)Int(n, "deploymentCount"), "GraphNetwork.deploymentCount");
        _m.Equal(await client.Staking.AllocationCountAsync(), (long)Int(n, "allocationCount"), "GraphNetwork.allocationCount");
        _m.Equal((long)(await client.Epochs.CurrentEpochAsync()) >= Long(n, "currentEpoch"), true, "GraphNetwork.currentEpoch ≤ the contracts' epoch");
    }

    /// <summary>Each redemption equals its QueryFeesCollected event and the split formula; the sums per indexer, deployment, epoch and network add up.</summary>
    private void Redemptions()
    {
        var events = scenario.Events.Where(e => e.Name == "QueryFeesCollected").ToList();
        var redemptions = Of("QueryFeeRedemption").Values.ToDictionary(r => Hex(r, "tx"), StringComparer.Ordinal);
        _m.Equal(events.Count, redemptions.Count, "QueryFeeRedemption entities = QueryFeesCollected events");
        _m.True(events.Count > 0, "no redemption was compared");
        string[] parts = ["amount", "protocolTax", "curationFees", "indexerFees", "delegatorFees"];
        var n = Of("GraphNetwork")["1"];
        var protocolPpm = Int(n, "protocolPercentage");
        var curationPpm = Int(n, "curationPercentage");
        foreach (var ev in events)
        {
            var tx = ev.Log.TransactionHash.ToHex();
            if (!redemptions.TryGetValue(tx, out var r))
            {
                _m.True(false, $"redemption in {tx}: no entity");
                continue;
            }

            foreach (var p in parts) _m.Equal(ev.Get<BigInteger>(p), Big(r, p), $"QueryFeeRedemption {tx}.{p}");
            _m.Equal(ev.Get<BigInteger>("epoch").ToString(), r["epoch"].AsString(), $"QueryFeeRedemption {tx}.epoch");

            // The split's formula (docs/protocol-spec.md) with the cut the subgraph derived as in force at that block.
            var amount = Big(r, "amount");
            var tax = amount * protocolPpm / 1_000_000;
            _m.Equal(tax, Big(r, "protocolTax"), $"{tx}: protocolTax = amount × protocolPercentage");
            var afterTax = amount - tax;
            var curation = Big(r, "curationFees");
            _m.True(curation.IsZero || curation == afterTax * curationPpm / 1_000_000, $"{tx}: curationFees {curation} is neither 0 nor the curators' share");
            var rest = afterTax - curation;
            var indexerFees = Big(r, "indexerFees");
            var byCut = rest * Int(r, "queryFeeCut") / 1_000_000;
            _m.True(indexerFees == byCut || (indexerFees == rest && Big(r, "delegatorFees").IsZero),
                $"{tx}: indexerFees {indexerFees} is neither rest × cut ({byCut}, cut {Int(r, "queryFeeCut")}) nor the whole rest {rest}");
            _m.Equal(rest - indexerFees, Big(r, "delegatorFees"), $"{tx}: delegatorFees = rest − indexerFees");
        }

        BigInteger Total(IEnumerable<ProtocolEvent> es, string part) => es.Aggregate(BigInteger.Zero, (s, e) => s + e.Get<BigInteger>(part));
        string[] networkFields = ["totalQueryFees", "totalProtocolTax", "totalCuratorFees", "totalIndexerFees", "totalDelegatorFees"];
        for (var i = 0; i < parts.Length; i++)
        {
            _m.Equal(Total(events, parts[i]), Big(n, networkFields[i]), $"GraphNetwork.{networkFields[i]} = Σ events' {parts[i]}");
            foreach (var (key, e) in Of("Indexer"))
            {
                _m.Equal(Total(events.Where(x => Hex(x["indexer"]) == key), parts[i]), Big(e, networkFields[i]), $"Indexer {key}.{networkFields[i]}");
            }

            foreach (var (key, e) in Of("SubgraphDeployment"))
            {
                _m.Equal(Total(events.Where(x => Hex(x["deploymentId"]) == key), parts[i]), Big(e, networkFields[i]), $"SubgraphDeployment {key}.{networkFields[i]}");
            }
        }

        string[] epochFields = ["queryFees", "protocolTax", "curatorFees", "indexerFees", "delegatorFees"];
        foreach (var (key, e) in Of("Epoch"))
        {
            var inEpoch = events.Where(x => x.Get<BigInteger>("epoch").ToString() == key).ToList();
            for (var i = 0; i < parts.Length; i++) _m.Equal(Total(inEpoch, parts[i]), Big(e, epochFields[i]), $"Epoch {key}.{epochFields[i]}");
            _m.Equal(inEpoch.Count, Int(e, "redemptionCount"), $"Epoch {key}.redemptionCount");
        }

        BigInteger SumOf(string name, string field) => Total(scenario.Events.Where(e => e.Name == name), field);
        _m.Equal(SumOf("Signalled", "tax"), Big(n, "totalCurationTax"), "GraphNetwork.totalCurationTax = Σ Signalled.tax");
        _m.Equal(SumOf("StakeDelegated", "tax"), Big(n, "totalDelegationTax"), "GraphNetwork.totalDelegationTax = Σ StakeDelegated.tax");
    }

    private async Task ParametersAsync()
    {
        var p = await client.GetParametersAsync();
        var n = Of("GraphNetwork")["1"];
        _m.Equal(p.EpochLength, Long(n, "epochLength"), "GraphNetwork.epochLength");
        _m.Equal(p.MinimumIndexerStake, Big(n, "minimumIndexerStake"), "GraphNetwork.minimumIndexerStake");
        _m.Equal(p.ThawingPeriod, Long(n, "thawingPeriod"), "GraphNetwork.thawingPeriod");
        _m.Equal(p.DelegationRatio, Long(n, "delegationRatio"), "GraphNetwork.delegationRatio");
        _m.Equal(p.DelegationTaxPercentage, (long)Int(n, "delegationTaxPercentage"), "GraphNetwork.delegationTaxPercentage");
        _m.Equal(p.DelegationUnbondingPeriod, Long(n, "delegationUnbondingPeriod"), "GraphNetwork.delegationUnbondingPeriod");
        _m.Equal(p.MinimumDelegation, Big(n, "minimumDelegation"), "GraphNetwork.minimumDelegation");
        _m.Equal(p.QueryFeeCutCooldown, Long(n, "queryFeeCutCooldown"), "GraphNetwork.queryFeeCutCooldown");
        _m.Equal(p.CurationTaxPercentage, (long)Int(n, "curationTaxPercentage"), "GraphNetwork.curationTaxPercentage");
        _m.Equal(p.MinimumCurationDeposit, Big(n, "minimumCurationDeposit"), "GraphNetwork.minimumCurationDeposit");
        _m.Equal(p.ProtocolPercentage, (long)Int(n, "protocolPercentage"), "GraphNetwork.protocolPercentage");
        _m.Equal(p.CurationPercentage, (long)Int(n, "curationPercentage"), "GraphNetwork.curationPercentage");
        _m.Equal(p.EscrowThawingPeriod, Long(n, "escrowThawingPeriod"), "GraphNetwork.escrowThawingPeriod");
    }
}
