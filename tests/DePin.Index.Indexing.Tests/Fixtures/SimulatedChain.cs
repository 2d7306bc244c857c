using DePin.Index.Simulator;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// The DePIN contracts on anvil after two simulations with different seeds, one after the other: 300 devices
/// over 3 epochs (seed 7), then 120 more devices over 2 epochs (seed 1234).
/// </summary>
public sealed class SimulatedChain : AnvilChain
{
    public SimulationTotals First { get; private set; } = null!;

    public SimulationTotals Second { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        First = await SimulateAsync(new SimulationOptions { Devices = 300, Epochs = 3, Seed = 7, BatchSize = 20 });
        Second = await SimulateAsync(new SimulationOptions { Devices = 120, Epochs = 2, Seed = 1234, BatchSize = 20 });
    }

    /// <summary>The totals of both runs together.</summary>
    public static SimulationTotals Sum(SimulationTotals a, SimulationTotals b)
    {
        var sum = new SimulationTotals
        {
            Devices = a.Devices + b.Devices,
            DevicesDeactivated = a.DevicesDeactivated + b.DevicesDeactivated,
            Proofs = a.Proofs + b.Proofs,
            Rewards = a.Rewards + b.Rewards,
            Transfers = a.Transfers + b.Transfers,
            Trades = a.Trades + b.Trades,
            Epochs = a.Epochs + b.Epochs,
            WorkUnits = a.WorkUnits + b.WorkUnits,
            RewardAmount = a.RewardAmount + b.RewardAmount,
            EnergyWh = a.EnergyWh + b.EnergyWh,
            TradeAmount = a.TradeAmount + b.TradeAmount,
            FirstBlock = Math.Min(a.FirstBlock, b.FirstBlock),
            LastBlock = Math.Max(a.LastBlock, b.LastBlock),
            FirstEpoch = Math.Min(a.FirstEpoch, b.FirstEpoch),
            LastEpoch = Math.Max(a.LastEpoch, b.LastEpoch),
        };
        foreach (var t in new[] { a, b })
        {
            foreach (var (kind, k) in t.PerKind)
            {
                if (!sum.PerKind.TryGetValue(kind, out var s))
                {
                    sum.PerKind[kind] = s = new KindTotals();
                }

                s.Devices += k.Devices;
                s.Proofs += k.Proofs;
                s.WorkUnits += k.WorkUnits;
                s.Rewards += k.Rewards;
                s.RewardAmount += k.RewardAmount;
            }

            foreach (var (name, count) in t.Events)
            {
                sum.Events[name] = sum.Events.GetValueOrDefault(name) + count;
            }
        }

        return sum;
    }
}
