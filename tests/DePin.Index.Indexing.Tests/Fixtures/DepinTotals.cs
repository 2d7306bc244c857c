using System.Numerics;
using DePin.Index.Simulator;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>Checks that the DePIN subgraph's entities add up exactly to a simulation's totals.</summary>
internal static class DepinTotals
{
    public static readonly string[] Kinds = ["Wireless", "Storage", "Compute", "Energy", "Mapping", "Sensor"];

    public static void AssertMatch(InMemoryEntitySource store, SimulationTotals t)
    {
        var devices = store.All("Device").Values.ToList();
        var proofs = store.All("Proof").Values.ToList();
        var rewards = store.All("Reward").Values.ToList();
        var owners = store.All("Owner").Values.ToList();
        var active = t.Devices - t.DevicesDeactivated;

        Assert.Equal(t.Devices, devices.Count);
        Assert.Equal(t.DevicesDeactivated, devices.Count(d => !d["active"].AsBool()));
        Assert.Equal(t.DevicesDeactivated, devices.Count(d => d.Contains("deactivatedAt")));
        Assert.Equal(t.Proofs, proofs.Count);
        Assert.Equal(t.WorkUnits, Sum(proofs, "workUnits"));
        Assert.Equal(t.Rewards, rewards.Count);
        Assert.Equal(t.RewardAmount, Sum(rewards, "amount"));
        Assert.Equal(t.Transfers, store.Count("DeviceTransfer"));
        Assert.Equal(t.Transfers, devices.Sum(d => d["transferCount"].AsInt()));
        var trades = store.All("EnergyTrade").Values.ToList();
        Assert.Equal(t.Trades, trades.Count);
        Assert.Equal(t.EnergyWh, Sum(trades, "energyWh"));
        Assert.Equal(t.TradeAmount, Sum(trades, "amount"));
        Assert.Equal(t.WorkUnits, Sum(devices, "totalWork"));
        Assert.Equal(t.RewardAmount, Sum(devices, "totalRewards"));
        Assert.Equal(t.Proofs, (long)Sum(devices, "proofCount"));

        foreach (var kind in Kinds)
        {
            var expected = t.PerKind.GetValueOrDefault(kind.ToLowerInvariant()) ?? new KindTotals();
            var ofKind = devices.Where(d => d["kind"].AsString() == kind).ToList();
            var proofsOfKind = proofs.Where(p => p["kind"].AsString() == kind).ToList();
            var rewardsOfKind = rewards.Where(r => r["kind"].AsString() == kind).ToList();
            Assert.Equal(expected.Devices, ofKind.Count);
            Assert.Equal(expected.Proofs, proofsOfKind.Count);
            Assert.Equal(expected.WorkUnits, Sum(proofsOfKind, "workUnits"));
            Assert.Equal(expected.Rewards, rewardsOfKind.Count);
            Assert.Equal(expected.RewardAmount, Sum(rewardsOfKind, "amount"));
            if (store.Get("KindStats", kind) is not { } stats)
            {
                Assert.Equal(0, expected.Devices);
                continue;
            }

            Assert.Equal(expected.Devices, stats["devices"].AsInt());
            Assert.Equal(ofKind.Count(d => d["active"].AsBool()), stats["activeDevices"].AsInt());
            Assert.Equal(expected.Proofs, (long)stats["proofCount"].AsBigInt());
            Assert.Equal(expected.WorkUnits, stats["totalWork"].AsBigInt());
            Assert.Equal(expected.Rewards, (long)stats["rewardCount"].AsBigInt());
            Assert.Equal(expected.RewardAmount, stats["totalRewards"].AsBigInt());
        }

        var epochs = store.All("Epoch").Values.ToList();
        var closed = epochs.Where(e => e["closed"].AsBool()).ToList();
        Assert.Equal(t.Epochs, closed.Count);
        Assert.Equal(t.Proofs, (long)Sum(epochs, "proofCount"));
        Assert.Equal(t.WorkUnits, Sum(epochs, "workUnits"));
        Assert.Equal(t.RewardAmount, Sum(epochs, "totalRewards"));
        Assert.Equal(t.Rewards, epochs.Sum(e => e["devicesPaid"].AsInt()));
        Assert.All(closed, e => Assert.Equal(e["workUnits"].AsBigInt(), e["totalWork"].AsBigInt()));
        var epochKinds = store.All("EpochKindStats").Values.ToList();
        Assert.Equal(t.Proofs, (long)Sum(epochKinds, "proofCount"));
        Assert.Equal(t.RewardAmount, Sum(epochKinds, "totalRewards"));

        var network = Assert.Single(store.All("NetworkStats").Values);
        Assert.Equal("network", network["id"].AsString());
        Assert.Equal(t.Devices, network["devices"].AsInt());
        Assert.Equal(active, network["activeDevices"].AsInt());
        Assert.Equal(owners.Count, network["accounts"].AsInt());
        Assert.Equal(t.Proofs, (long)network["proofs"].AsBigInt());
        Assert.Equal(t.WorkUnits, network["totalWork"].AsBigInt());
        Assert.Equal(t.Rewards, (long)network["rewardCount"].AsBigInt());
        Assert.Equal(t.RewardAmount, network["totalRewards"].AsBigInt());
        Assert.Equal(t.Transfers, network["transfers"].AsInt());
        Assert.Equal(t.Trades, network["trades"].AsInt());
        Assert.Equal(t.EnergyWh, network["energyWh"].AsBigInt());
        Assert.Equal(t.TradeAmount, network["energyVolume"].AsBigInt());
        Assert.Equal(t.RewardAmount, network["tokenSupply"].AsBigInt());
        Assert.Equal(t.LastEpoch + 1, (long)network["currentEpoch"].AsBigInt());

        Assert.Equal(t.Devices, owners.Sum(o => o["deviceCount"].AsInt()));
        Assert.Equal(active, owners.Sum(o => o["activeDeviceCount"].AsInt()));
        Assert.Equal(t.Proofs, (long)Sum(owners, "proofCount"));
        Assert.Equal(t.WorkUnits, Sum(owners, "totalWork"));
        Assert.Equal(t.RewardAmount, Sum(owners, "totalRewards"));
        Assert.Equal(t.RewardAmount, Sum(owners, "tokenBalance"));
        Assert.Equal(t.EnergyWh, Sum(owners, "energySoldWh"));
        Assert.Equal(t.EnergyWh, Sum(owners, "energyBoughtWh"));
        Assert.Equal(t.TradeAmount, Sum(owners, "energyEarned"));
        Assert.Equal(t.TradeAmount, Sum(owners, "energySpent"));
        var owned = devices.GroupBy(d => d["owner"].ToString()).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var owner in owners)
        {
            var mine = owned.GetValueOrDefault(owner["id"].ToString()) ?? [];
            Assert.Equal(mine.Count, owner["deviceCount"].AsInt());
            Assert.Equal(mine.Count(d => d["active"].AsBool()), owner["activeDeviceCount"].AsInt());
        }
    }

    public static BigInteger Sum(IEnumerable<Entity> entities, string field) =>
        entities.Aggregate(BigInteger.Zero, (sum, e) => sum + e[field].AsBigInt());
}
