using System.Numerics;

namespace DePin.Index.Simulator;

/// <summary>
/// The exact totals a simulation produced on chain — what any indexer of the same chain must reproduce.
/// Amounts are token wei; work units are the contracts' unit-less work measure.
/// </summary>
public sealed class SimulationTotals
{
    public long Devices { get; set; }
    public long DevicesDeactivated { get; set; }
    public long Proofs { get; set; }
    public long Rewards { get; set; }
    public long Transfers { get; set; }
    public long Trades { get; set; }
    public long Epochs { get; set; }
    public BigInteger WorkUnits { get; set; }
    public BigInteger RewardAmount { get; set; }
    public BigInteger EnergyWh { get; set; }
    public BigInteger TradeAmount { get; set; }

    /// <summary>Per device kind (lower-case kind name): devices, proofs, work units, rewards.</summary>
    public SortedDictionary<string, KindTotals> PerKind { get; } = new(StringComparer.Ordinal);

    /// <summary>Every log the run's transactions emitted, by event name (token Transfer/Approval included).</summary>
    public SortedDictionary<string, long> Events { get; } = new(StringComparer.Ordinal);

    public long EventsTotal => Events.Values.Sum();
    public long Transactions { get; set; }
    public long FirstDeviceId { get; set; }
    public long LastDeviceId { get; set; }
    public long FirstEpoch { get; set; }
    public long LastEpoch { get; set; }
    /// <summary>The first and last block holding an event of the run (an indexer's range to check).</summary>
    public long FirstBlock { get; set; }

    public long LastBlock { get; set; }

    public KindTotals Kind(DeviceKind kind)
    {
        var key = kind.ToString().ToLowerInvariant();
        if (!PerKind.TryGetValue(key, out var totals)) PerKind[key] = totals = new KindTotals();
        return totals;
    }

    internal void CountEvent(string name, long count = 1)
    {
        if (count == 0) return;
        Events[name] = Events.GetValueOrDefault(name) + count;
    }

    /// <summary>The totals of two runs on the same chain, one after the other (counts and amounts added, ranges joined).</summary>
    public static SimulationTotals Combine(SimulationTotals a, SimulationTotals b)
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
        foreach (var run in new[] { a, b })
        {
            foreach (var (kind, k) in run.PerKind)
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

            foreach (var (name, count) in run.Events)
            {
                sum.Events[name] = sum.Events.GetValueOrDefault(name) + count;
            }
        }

        return sum;
    }
}
