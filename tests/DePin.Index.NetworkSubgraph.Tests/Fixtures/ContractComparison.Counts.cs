using System.Numerics;
using DePin.Index.Protocol;
using DePin.Index.Subgraph.Values;
using static DePin.Index.NetworkSubgraph.Tests.Fixtures.Mismatches;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>The counters and running totals: each equal to what the entities hold and to the sums of the scenario's events.</summary>
internal sealed partial class ContractComparison
{
    private void Counts()
    {
        var n = Of("GraphNetwork")["1"];
        int Count(string type, Func<Entity, bool>? where = null) => Of(type).Values.Count(e => where?.Invoke(e) ?? true);
        _m.Equal(Count("Indexer"), Int(n, "indexerCount"), "GraphNetwork.indexerCount");
        _m.Equal(Count("Indexer", e => Big(e, "ownStake").Sign > 0), Int(n, "stakedIndexerCount"), "GraphNetwork.stakedIndexerCount");
        _m.Equal(Count("Delegator"), Int(n, "delegatorCount"), "GraphNetwork.delegatorCount");
        _m.Equal(Count("DelegatedStake"), Int(n, "delegationCount"), "GraphNetwork.delegationCount");
        _m.Equal(Count("DelegatedStake", e => Big(e, "shares").Sign > 0), Int(n, "activeDelegationCount"), "GraphNetwork.activeDelegationCount");
        _m.Equal(Count("Curator"), Int(n, "curatorCount"), "GraphNetwork.curatorCount");
        _m.Equal(Count("Signal", e => Big(e, "signal").Sign > 0), Int(n, "activeSignalCount"), "GraphNetwork.activeSignalCount");
        _m.Equal(Count("SubgraphDeployment"), Int(n, "deploymentCount"), "GraphNetwork.deploymentCount = entities");
        _m.Equal(Count("SubgraphDeployment", e => !e["deprecated"].AsBool()), Int(n, "activeDeploymentCount"), "GraphNetwork.activeDeploymentCount");
        _m.Equal(Count("Allocation", e => e["status"].AsString() == "Active"), Int(n, "activeAllocationCount"), "GraphNetwork.activeAllocationCount");
        _m.Equal(Count("Payer"), Int(n, "payerCount"), "GraphNetwork.payerCount");
        _m.Equal(Count("QueryFeeRedemption"), Int(n, "redemptionCount"), "GraphNetwork.redemptionCount");

        foreach (var (key, e) in Of("Indexer"))
        {
            _m.Equal(Count("DelegatedStake", d => Hex(d, "indexer") == key && Big(d, "shares").Sign > 0), Int(e, "activeDelegationCount"),
                $"Indexer {key}.activeDelegationCount");
            _m.Equal(Count("Allocation", a => Hex(a, "indexer") == key), Int(e, "allocationCount"), $"Indexer {key}.allocationCount");
            _m.Equal(Count("Allocation", a => Hex(a, "indexer") == key && a["status"].AsString() == "Active"), Int(e, "activeAllocationCount"),
                $"Indexer {key}.activeAllocationCount");
            _m.Equal(Sum("StakeDeposited", "tokens", "indexer", key), Big(e, "totalStakeDeposited"), $"Indexer {key}.totalStakeDeposited");
            _m.Equal(Sum("StakeWithdrawn", "tokens", "indexer", key), Big(e, "totalStakeWithdrawn"), $"Indexer {key}.totalStakeWithdrawn");
        }

        foreach (var (key, e) in Of("Curator"))
        {
            _m.Equal(Count("Signal", s => Hex(s, "curator") == key && Big(s, "signal").Sign > 0), Int(e, "activeSignalCount"), $"Curator {key}.activeSignalCount");
            _m.Equal(Sum("Signalled", "tokens", "curator", key), Big(e, "totalSignalledTokens"), $"Curator {key}.totalSignalledTokens");
            _m.Equal(Sum("Signalled", "tax", "curator", key), Big(e, "totalCurationTax"), $"Curator {key}.totalCurationTax");
            _m.Equal(Sum("Unsignalled", "tokens", "curator", key), Big(e, "totalUnsignalledTokens"), $"Curator {key}.totalUnsignalledTokens");
        }

        foreach (var (key, e) in Of("Delegator"))
        {
            _m.Equal(Sum("StakeDelegated", "tokens", "delegator", key), Big(e, "totalDelegatedTokens"), $"Delegator {key}.totalDelegatedTokens");
            _m.Equal(Sum("StakeDelegated", "tax", "delegator", key), Big(e, "totalDelegationTax"), $"Delegator {key}.totalDelegationTax");
            _m.Equal(Sum("StakeDelegatedLocked", "tokens", "delegator", key), Big(e, "totalUndelegatedTokens"), $"Delegator {key}.totalUndelegatedTokens");
            _m.Equal(Sum("StakeDelegatedWithdrawn", "tokens", "delegator", key), Big(e, "totalWithdrawnTokens"), $"Delegator {key}.totalWithdrawnTokens");
        }

        foreach (var (key, e) in Of("Payer"))
        {
            _m.Equal(Sum("Deposited", "tokens", "payer", key), Big(e, "totalDeposited"), $"Payer {key}.totalDeposited");
            _m.Equal(Sum("Withdrawn", "tokens", "payer", key), Big(e, "totalWithdrawn"), $"Payer {key}.totalWithdrawn");
            _m.Equal(Sum("QueryFeesCollected", "amount", "payer", key), Big(e, "totalQueryFees"), $"Payer {key}.totalQueryFees");
        }

        foreach (var (key, e) in Of("SubgraphDeployment"))
        {
            _m.Equal(Sum("CurationFeesAdded", "tokens", "deploymentId", key), Big(e, "totalCuratorFeesAdded"), $"SubgraphDeployment {key}.totalCuratorFeesAdded");
            _m.Equal(Sum("Signalled", "tax", "deploymentId", key), Big(e, "totalCurationTax"), $"SubgraphDeployment {key}.totalCurationTax");
        }
    }

    /// <summary>Each Epoch's first and last block as the EpochManager computes them, and its flows as the sums of its events.</summary>
    private async Task EpochsAsync()
    {
        var length = await client.Epochs.EpochLengthAsync();
        var start = await client.Epochs.StartBlockAsync();
        foreach (var (key, e) in Of("Epoch"))
        {
            var number = long.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
            _m.Equal(await client.Epochs.EpochStartBlockAsync(number), Long(e, "startBlock"), $"Epoch {key}.startBlock");
            _m.Equal(Long(e, "startBlock") + length - 1, Long(e, "endBlock"), $"Epoch {key}.endBlock");
            bool InEpoch(ProtocolEvent ev) => (ev.Log.BlockNumber - start) / length == number;
            BigInteger EpochSum(string name, string field) =>
                scenario.Events.Where(ev => ev.Name == name && InEpoch(ev)).Aggregate(BigInteger.Zero, (s, ev) => s + ev.Get<BigInteger>(field));
            _m.Equal(EpochSum("StakeDeposited", "tokens"), Big(e, "stakeDeposited"), $"Epoch {key}.stakeDeposited");
            _m.Equal(EpochSum("StakeDelegated", "tokens"), Big(e, "delegatedTokens"), $"Epoch {key}.delegatedTokens");
            _m.Equal(EpochSum("StakeDelegated", "tax"), Big(e, "delegationTax"), $"Epoch {key}.delegationTax");
            _m.Equal(EpochSum("Signalled", "tokens"), Big(e, "signalledTokens"), $"Epoch {key}.signalledTokens");
            _m.Equal(EpochSum("Unsignalled", "tokens"), Big(e, "unsignalledTokens"), $"Epoch {key}.unsignalledTokens");
            _m.Equal(scenario.Events.Count(ev => ev.Name == "AllocationCreated" && ev.Get<BigInteger>("epoch") == number), Int(e, "allocationsCreated"),
                $"Epoch {key}.allocationsCreated");
        }
    }

    /// <summary>Σ <paramref name="field"/> of the scenario's <paramref name="name"/> events whose <paramref name="by"/> is <paramref name="key"/>.</summary>
    private BigInteger Sum(string name, string field, string by, string key) =>
        scenario.Events.Where(e => e.Name == name && Hex(e[by]) == key).Aggregate(BigInteger.Zero, (s, e) => s + e.Get<BigInteger>(field));
}
