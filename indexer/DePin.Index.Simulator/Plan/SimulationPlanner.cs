using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Simulator.Plan.Steps;

namespace DePin.Index.Simulator.Plan;

/// <summary>
/// Turns options and the chain's starting point into the exact list of transactions of a run. Pure and
/// deterministic: the same seed, options and starting point give the same plan, and the plan's totals are
/// what the chain must show afterwards (rewards follow the RewardDistributor's integer formula).
/// Per epoch: proofs for most active devices → transfers and deactivations → close the epoch →
/// rewards in proportion to work → energy trades paid with earned tokens.
/// </summary>
public static class SimulationPlanner
{
    private static readonly DeviceKind[] Kinds = Enum.GetValues<DeviceKind>();
    public static readonly BigInteger OwnerFunding = BigInteger.Pow(10, 18) / 2; // 0.5 ether: far more gas than an owner spends

    public static SimulationPlan Create(SimulationOptions options, long firstDeviceId, long firstEpoch, BigInteger rewardPerEpoch)
    {
        options.Validate();
        if (firstDeviceId < 1) throw new ArgumentOutOfRangeException(nameof(firstDeviceId), "device ids start at 1");
        if (firstEpoch < 1) throw new ArgumentOutOfRangeException(nameof(firstEpoch), "epochs start at 1");
        var rng = new SplitMix64(options.Seed ^ (ulong)firstDeviceId * 0x9E3779B97F4A7C15UL);
        var totals = new SimulationTotals { FirstDeviceId = firstDeviceId, FirstEpoch = firstEpoch, LastEpoch = firstEpoch + options.Epochs - 1 };
        var steps = new List<SimStep>();
        var owners = (options.Devices + options.DevicesPerOwner - 1) / options.DevicesPerOwner;
        var balances = new BigInteger[owners];
        var approved = new bool[owners];

        for (var o = 0; o < owners; o++) steps.Add(new FundOwner(o, OwnerFunding));

        // Registration: owners hold consecutive ids (so they register in batches); kind, place and URI are random.
        var devices = new List<DeviceState>(options.Devices);
        for (var i = 0; i < options.Devices; i++)
        {
            var kind = Kinds[rng.Next(Kinds.Length)];
            var planned = new PlannedDevice(firstDeviceId + i, i, kind,
                (int)rng.Between(-90_000_000, 90_000_000), (int)rng.Between(-180_000_000, 180_000_000),
                $"ipfs://depin/{options.Seed}/{firstDeviceId + i}");
            devices.Add(new DeviceState(planned, (int)((long)i * owners / options.Devices)));
        }
        // Ids are assigned in order of registration, so batches go out in id order, grouped by owner runs.
        foreach (var batch in OwnerRuns(devices, options.BatchSize))
        {
            steps.Add(new RegisterDevices(batch[0].Owner, batch.Select(d => d.Planned).ToArray()));
        }
        foreach (var d in devices) totals.Kind(d.Planned.Kind).Devices++;
        totals.Devices = devices.Count;
        totals.LastDeviceId = firstDeviceId + devices.Count - 1;

        for (var e = 0; e < options.Epochs; e++)
        {
            var epoch = firstEpoch + e;
            var work = new List<(DeviceState Device, BigInteger Work)>();
            var proofs = new List<PlannedProof>();
            foreach (var d in devices)
            {
                if (!d.Active || !rng.Chance(options.ProofRate)) continue;
                var units = WorkUnits(d.Planned.Kind, rng);
                var dataHash = Keccak256.Hash($"depin-sim|{options.Seed}|{epoch}|{d.Planned.Id}");
                proofs.Add(new PlannedProof(d.Planned.Id, d.Planned.KeyIndex, epoch, units, dataHash));
                work.Add((d, units));
                var k = totals.Kind(d.Planned.Kind);
                k.Proofs++;
                k.WorkUnits += units;
                totals.Proofs++;
                totals.WorkUnits += units;
            }
            foreach (var chunk in proofs.Chunk(options.BatchSize)) steps.Add(new SubmitProofs(chunk));

            foreach (var d in devices)
            {
                if (d.Active && owners > 1 && rng.Chance(options.TransferRate))
                {
                    var to = (int)rng.Next(owners - 1);
                    if (to >= d.Owner) to++;
                    steps.Add(new TransferDevice(d.Owner, d.Planned.Id, to));
                    d.Owner = to;
                    totals.Transfers++;
                }
                if (d.Active && rng.Chance(options.DeactivationRate))
                {
                    steps.Add(new DeactivateDevice(d.Owner, d.Planned.Id));
                    d.Active = false;
                    totals.DevicesDeactivated++;
                }
            }

            steps.Add(new AdvanceEpoch(epoch));
            var totalWork = work.Aggregate(BigInteger.Zero, (s, w) => s + w.Work);
            foreach (var chunk in work.Chunk(options.BatchSize))
            {
                steps.Add(new DistributeRewards(epoch, chunk.Select(w => w.Device.Planned.Id).ToArray()));
                foreach (var (device, units) in chunk)
                {
                    var amount = rewardPerEpoch * units / totalWork;
                    balances[device.Owner] += amount;
                    var k = totals.Kind(device.Planned.Kind);
                    k.Rewards++;
                    k.RewardAmount += amount;
                    totals.Rewards++;
                    totals.RewardAmount += amount;
                }
            }

            PlanTrades(options, rng, devices, owners, balances, approved, steps, totals);
        }

        foreach (var step in steps)
            foreach (var (name, count) in step.ExpectedEvents) totals.CountEvent(name, count);
        totals.Epochs = options.Epochs;
        totals.Transactions = steps.Count;
        return new SimulationPlan(owners, devices.Count, steps, totals);
    }

    private static void PlanTrades(SimulationOptions options, SplitMix64 rng, List<DeviceState> devices, int owners,
        BigInteger[] balances, bool[] approved, List<SimStep> steps, SimulationTotals totals)
    {
        var sellers = devices.Where(d => d.Active && d.Planned.Kind == DeviceKind.Energy).ToList();
        var trades = (int)Math.Round(sellers.Count * options.TradeRate);
        for (var t = 0; t < trades && owners > 1; t++)
        {
            var seller = sellers[(int)rng.Next(sellers.Count)];
            var buyer = (int)rng.Next(owners - 1);
            if (buyer >= seller.Owner) buyer++;
            BigInteger energyWh = rng.Between(100, 20_000);
            BigInteger price = rng.Between(1, 500) * BigInteger.Pow(10, 15); // 0.001–0.5 token per kWh
            var amount = energyWh * price / 1000;
            if (balances[buyer] < amount) continue; // a buyer without earnings sits this one out
            if (!approved[buyer])
            {
                steps.Add(new ApproveMarket(buyer));
                approved[buyer] = true;
            }
            steps.Add(new TradeEnergy(buyer, seller.Planned.Id, energyWh, price));
            balances[buyer] -= amount;
            balances[seller.Owner] += amount;
            totals.Trades++;
            totals.EnergyWh += energyWh;
            totals.TradeAmount += amount;
        }
    }

    /// <summary>Work units per proof by kind: coverage witnesses, GB stored, jobs, Wh, km mapped, readings.</summary>
    private static BigInteger WorkUnits(DeviceKind kind, SplitMix64 rng) => kind switch
    {
        DeviceKind.Wireless => rng.Between(1, 500),
        DeviceKind.Storage => rng.Between(100, 100_000),
        DeviceKind.Compute => rng.Between(1, 2_000),
        DeviceKind.Energy => rng.Between(1_000, 50_000),
        DeviceKind.Mapping => rng.Between(1, 300),
        _ => rng.Between(10, 5_000),
    };

    /// <summary>Consecutive devices of one owner, at most batchSize each, in id order.</summary>
    private static IEnumerable<DeviceState[]> OwnerRuns(List<DeviceState> devices, int batchSize)
    {
        var run = new List<DeviceState>();
        foreach (var d in devices)
        {
            if (run.Count > 0 && (run[0].Owner != d.Owner || run.Count == batchSize))
            {
                yield return run.ToArray();
                run.Clear();
            }
            run.Add(d);
        }
        if (run.Count > 0) yield return run.ToArray();
    }

    private sealed class DeviceState(PlannedDevice planned, int owner)
    {
        public PlannedDevice Planned { get; } = planned;
        public int Owner { get; set; } = owner;
        public bool Active { get; set; } = true;
    }
}
