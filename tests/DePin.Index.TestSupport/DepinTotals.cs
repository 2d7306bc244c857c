using System.Numerics;
using DePin.Index.Simulator;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.TestSupport;

/// <summary>Checks that the DePIN subgraph's entities, as stored, add up exactly to a simulation's totals.</summary>
public static class DepinTotals
{
    private static readonly string[] Kinds = ["Wireless", "Storage", "Compute", "Energy", "Mapping", "Sensor"];

    public static void AssertMatch(Dictionary<string, List<Entity>> store, SimulationTotals t)
    {
        List<Entity> All(string type) => store.GetValueOrDefault(type) ?? [];
        var devices = All("Device");
        var proofs = All("Proof");
        var rewards = All("Reward");
        var owners = All("Owner");
        var trades = All("EnergyTrade");
        var active = t.Devices - t.DevicesDeactivated;

        Assert.Equal(t.Devices, devices.Count);
        Assert.Equal(t.DevicesDeactivated, devices.Count(d => !d["active"].AsBool()));
        Assert.Equal(t.Proofs, proofs.Count);
        Assert.Equal(t.WorkUnits, Sum(proofs, "workUnits"));
        Assert.Equal(t.Rewards, rewards.Count);
        Assert.Equal(t.RewardAmount, Sum(rewards, "amount"));
        Assert.Equal(t.Transfers, All("DeviceTransfer").Count);
        Assert.Equal(t.Transfers, devices.Sum(d => d["transferCount"].AsInt()));
        Assert.Equal(t.Trades, trades.Count);
        Assert.Equal(t.EnergyWh, Sum(trades, "energyWh"));
        Assert.Equal(t.TradeAmount, Sum(trades, "amount"));
        Assert.Equal(t.WorkUnits, Sum(devices, "totalWork"));
        Assert.Equal(t.RewardAmount, Sum(devices, "totalRewards"));

        var kindStats = All("KindStats").ToDictionary(k => k["id"].AsString());
        foreach (var kind in Kinds)
        {
            var expected = t.PerKind.GetValueOrDefault(kind.ToLowerInvariant()) ?? new KindTotals();
            Assert.Equal(expected.Devices, devices.Count(d => d["kind"].AsString() == kind));
            var ofKind = proofs.Where(p => p["kind"].AsString() == kind).ToList();
            Assert.Equal(expected.Proofs, ofKind.Count);
            Assert.Equal(expected.WorkUnits, Sum(ofKind, "workUnits"));
            Assert.Equal(expected.RewardAmount, Sum(rewards.Where(r => r["kind"].AsString() == kind), "amount"));
            if (kindStats.TryGetValue(kind, out var stats))
            {
                Assert.Equal(expected.Devices, stats["devices"].AsInt());
                Assert.Equal(expected.WorkUnits, stats["totalWork"].AsBigInt());
                Assert.Equal(expected.RewardAmount, stats["totalRewards"].AsBigInt());
            }
            else
            {
                Assert.Equal(0, expected.Devices);
            }
        }

        var epochs = All("Epoch");
        Assert.Equal(t.Epochs, epochs.Count(e => e["closed"].AsBool()));
        Assert.Equal(t.Proofs, (long)Sum(epochs, "proofCount"));
        Assert.Equal(t.RewardAmount, Sum(epochs, "totalRewards"));

        var network = Assert.Single(All("NetworkStats"));
        Assert.Equal(t.Devices, network["devices"].AsInt());
        Assert.Equal(active, network["activeDevices"].AsInt());
        Assert.Equal(owners.Count, network["accounts"].AsInt());
        Assert.Equal(t.Proofs, (long)network["proofs"].AsBigInt());
        Assert.Equal(t.WorkUnits, network["totalWork"].AsBigInt());
        Assert.Equal(t.RewardAmount, network["totalRewards"].AsBigInt());
        Assert.Equal(t.Transfers, network["transfers"].AsInt());
        Assert.Equal(t.Trades, network["trades"].AsInt());
        Assert.Equal(t.EnergyWh, network["energyWh"].AsBigInt());
        Assert.Equal(t.RewardAmount, network["tokenSupply"].AsBigInt());

        Assert.Equal(t.Devices, owners.Sum(o => o["deviceCount"].AsInt()));
        Assert.Equal(active, owners.Sum(o => o["activeDeviceCount"].AsInt()));
        Assert.Equal(t.WorkUnits, Sum(owners, "totalWork"));
        Assert.Equal(t.RewardAmount, Sum(owners, "tokenBalance"));
        Assert.Equal(t.EnergyWh, Sum(owners, "energySoldWh"));
        Assert.Equal(t.TradeAmount, Sum(owners, "energySpent"));
    }

    private static BigInteger Sum(IEnumerable<Entity> entities, string field) =>
        entities.Aggregate(BigInteger.Zero, (sum, e) => sum + e[field].AsBigInt());
}
