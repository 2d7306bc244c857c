using System.Numerics;
using DePin.Index.Simulator.Plan;
using DePin.Index.Simulator.Plan.Steps;

namespace DePin.Index.Simulator.Tests;

public class SimulationPlannerTests
{
    private static readonly BigInteger Reward = BigInteger.Pow(10, 22);

    private static SimulationPlan Plan(int devices = 500, int epochs = 3, ulong seed = 7, long firstDevice = 1, long firstEpoch = 1) =>
        SimulationPlanner.Create(new SimulationOptions { Devices = devices, Epochs = epochs, Seed = seed }, firstDevice, firstEpoch, Reward);

    [Fact]
    public void Same_seed_and_start_give_the_same_plan()
    {
        var a = Plan();
        var b = Plan();
        Assert.Equal(a.Steps.Count, b.Steps.Count);
        for (var i = 0; i < a.Steps.Count; i++) Assert.Equal(Describe(a.Steps[i]), Describe(b.Steps[i]));
        Assert.Equal(a.Expected.RewardAmount, b.Expected.RewardAmount);
    }

    [Fact]
    public void Another_seed_gives_other_activity()
    {
        Assert.NotEqual(Plan(seed: 1).Expected.WorkUnits, Plan(seed: 2).Expected.WorkUnits);
    }

    [Fact]
    public void Totals_agree_with_the_steps()
    {
        var plan = Plan(devices: 800, epochs: 4);
        var t = plan.Expected;
        Assert.Equal(800, t.Devices);
        Assert.Equal(t.Devices, t.PerKind.Values.Sum(k => k.Devices));
        Assert.Equal(t.Proofs, plan.Steps.OfType<SubmitProofs>().Sum(s => s.Proofs.Count));
        Assert.Equal(t.WorkUnits, plan.Steps.OfType<SubmitProofs>().SelectMany(s => s.Proofs).Aggregate(BigInteger.Zero, (a, p) => a + p.WorkUnits));
        Assert.Equal(t.Proofs, t.Rewards); // every proof earns exactly one reward payout
        Assert.Equal(t.Transfers, plan.Steps.OfType<TransferDevice>().Count());
        Assert.Equal(t.Trades, plan.Steps.OfType<TradeEnergy>().Count());
        Assert.Equal(t.Proofs, t.Events["ProofSubmitted"]);
        Assert.Equal(t.Rewards + t.Trades, t.Events["Transfer"]);
        Assert.Equal(plan.Steps.Count, t.Transactions);
        Assert.True(t.Trades > 0, "an 800-device run should settle some energy trades");
        Assert.True(t.Transfers > 0 && t.DevicesDeactivated > 0);
    }

    [Fact]
    public void Rewards_share_each_epoch_in_proportion_to_work_and_never_exceed_it()
    {
        var t = Plan(epochs: 5).Expected;
        Assert.True(t.RewardAmount <= Reward * 5);
        // integer division loses at most one wei per payout
        Assert.True(Reward * 5 - t.RewardAmount <= t.Rewards);
    }

    [Fact]
    public void A_device_proves_at_most_once_per_epoch_and_never_after_deactivation()
    {
        var plan = Plan(devices: 300, epochs: 6);
        var deactivatedAt = new Dictionary<long, int>();
        var seen = new HashSet<(long, long)>();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            switch (plan.Steps[i])
            {
                case DeactivateDevice d: deactivatedAt[d.DeviceId] = i; break;
                case SubmitProofs s:
                    foreach (var p in s.Proofs)
                    {
                        Assert.True(seen.Add((p.DeviceId, p.Epoch)));
                        Assert.False(deactivatedAt.ContainsKey(p.DeviceId), $"device {p.DeviceId} proved after deactivation");
                    }
                    break;
            }
        }
    }

    [Fact]
    public void Trades_only_spend_tokens_the_buyer_has_earned()
    {
        var plan = Plan(devices: 600, epochs: 3);
        var firstReward = plan.Steps.ToList().FindIndex(s => s is DistributeRewards);
        var firstTrade = plan.Steps.ToList().FindIndex(s => s is TradeEnergy);
        Assert.True(firstTrade > firstReward);
    }

    [Fact]
    public void A_later_run_continues_ids_and_epochs()
    {
        var plan = Plan(devices: 50, epochs: 2, firstDevice: 1001, firstEpoch: 4);
        var ids = plan.Steps.OfType<RegisterDevices>().SelectMany(r => r.Devices).Select(d => d.Id).ToArray();
        Assert.Equal(Enumerable.Range(1001, 50).Select(i => (long)i), ids);
        Assert.All(plan.Steps.OfType<AdvanceEpoch>(), a => Assert.InRange(a.ClosedEpoch, 4, 5));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, -1)]
    public void Bad_options_are_rejected_with_a_message(int devices, int epochs)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Plan(devices: devices, epochs: epochs));
        Assert.False(string.IsNullOrEmpty(ex.Message));
    }

    [Fact]
    public void SplitMix64_sequence_is_fixed_by_its_seed()
    {
        // SplitMix64 reference values for seed 0 (Vigna's splitmix64.c).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
    }

    private static string Describe(SimStep step) => step switch
    {
        SubmitProofs s => "proofs:" + string.Join(",", s.Proofs.Select(p => $"{p.DeviceId}/{p.Epoch}/{p.WorkUnits}")),
        RegisterDevices r => "reg:" + string.Join(",", r.Devices.Select(d => $"{d.Id}/{d.Kind}/{d.LatitudeE6}")),
        DistributeRewards d => $"dist:{d.Epoch}:" + string.Join(",", d.DeviceIds),
        _ => step.ToString(),
    };
}
