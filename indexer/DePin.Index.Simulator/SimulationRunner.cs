using System.Numerics;
using DePin.Index.Devnet.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Simulator.Plan;
using DePin.Index.Simulator.Plan.Steps;

namespace DePin.Index.Simulator;

/// <summary>
/// Runs a <see cref="SimulationPlan"/> on a chain: every transaction signed with our own keys (owners', the
/// devices' for proofs, the operator's), sent in plan order, its receipt checked and its logs counted against
/// what the plan expects. Returns the plan's totals with the block range the run covered.
/// </summary>
public sealed class SimulationRunner(EthRpc rpc, DepinContracts contracts, EthKey operatorKey)
{
    private const int ConfirmEvery = 256;

    /// <summary>Time spent building+signing+sending and confirming, for profiling (Stopwatch ticks).</summary>
    public long SendTicks { get; private set; }
    public long ConfirmTicks { get; private set; }

    public async Task<SimulationTotals> RunAsync(SimulationOptions options, IProgress<SimulationProgress>? progress = null,
        CancellationToken ct = default)
    {
        var sender = await TransactionSender.CreateAsync(rpc, contracts.AllAbis, ct).ConfigureAwait(false);
        var registry = contracts.Abi(DepinContracts.DeviceRegistry);
        var proofs = contracts.Abi(DepinContracts.ProofOfPhysicalWork);
        var distributor = contracts.Abi(DepinContracts.RewardDistributor);

        var deviceCount = await ReadUIntAsync(sender, DepinContracts.DeviceRegistry, registry, "deviceCount", ct).ConfigureAwait(false);
        var epoch = await ReadUIntAsync(sender, DepinContracts.ProofOfPhysicalWork, proofs, "currentEpoch", ct).ConfigureAwait(false);
        var reward = options.RewardPerEpoch
            ?? await ReadUIntAsync(sender, DepinContracts.RewardDistributor, distributor, "rewardPerEpoch", ct).ConfigureAwait(false);
        var plan = SimulationPlanner.Create(options, (long)deviceCount + 1, (long)epoch, reward);
        var keys = new SimulationKeys(options.Seed, (long)deviceCount + 1);
        var totals = plan.Expected;
        var expected = new Dictionary<Hash32, string>();
        foreach (var abi in contracts.AllAbis)
            foreach (var ev in abi.Events) expected.TryAdd(ev.Topic0, ev.Name);

        var actual = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long firstBlock = long.MaxValue, lastBlock = 0, done = 0, events = 0;

        async Task Confirm(string phase)
        {
            if (options.PackBlocks) await MinePendingAsync(sender, ct).ConfigureAwait(false);
            foreach (var (sent, logs) in await sender.ConfirmByLogsAsync(s => s.Tag is not FundOwner, ct).ConfigureAwait(false))
            {
                var step = (SimStep)sent.Tag!;
                var counted = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var log in logs)
                {
                    var name = log.Topics.Length > 0 && expected.TryGetValue(log.Topics[0], out var n) ? n : "(unknown)";
                    counted[name] = counted.GetValueOrDefault(name) + 1;
                    actual[name] = actual.GetValueOrDefault(name) + 1;
                    events++;
                    firstBlock = Math.Min(firstBlock, log.BlockNumber);
                    lastBlock = Math.Max(lastBlock, log.BlockNumber);
                }
                foreach (var (name, count) in step.ExpectedEvents)
                {
                    if (counted.GetValueOrDefault(name) != count)
                        throw new SimulationException($"{sent.Label} ({sent.Hash}) emitted {counted.GetValueOrDefault(name)} {name} logs, the plan expects {count}");
                }
            }
            progress?.Report(new SimulationProgress(phase, done, plan.Steps.Count, events));
        }

        var chainId = sender.ChainId;
        // Packing: a window of transactions must fit one block, or the node would fill a block with later,
        // smaller transactions past an earlier one that did not fit, and the plan's order would break.
        var blockGas = (ulong)((await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct).ConfigureAwait(false))?.GasLimit ?? 30_000_000);
        if (options.PackBlocks) await rpc.SetAutomineAsync(false, ct).ConfigureAwait(false);
        try
        {
        var proofAddress = contracts.Address(DepinContracts.ProofOfPhysicalWork);
        foreach (var step in plan.Steps)
        {
            var phase = PhaseOf(step);
            var (from, to, data, gas, value, label) = step switch
            {
                FundOwner f => (operatorKey, keys.Owner(f.Owner).Address, Array.Empty<byte>(), 21_000UL, f.Wei, $"fund owner {f.Owner}"),
                RegisterDevices r => (keys.Owner(r.Owner), contracts.Address(DepinContracts.DeviceRegistry),
                    registry.EncodeCall("registerBatch", [r.Devices.Select(d => (object)new object[]
                    {
                        keys.Device(d.KeyIndex).Address, new BigInteger((int)d.Kind), new BigInteger(d.LatitudeE6), new BigInteger(d.LongitudeE6), d.MetadataUri,
                    }).ToArray()]),
                    150_000UL + 250_000UL * (ulong)r.Devices.Count, BigInteger.Zero, $"register {r.Devices.Count} devices"),
                SubmitProofs s => (operatorKey, proofAddress, proofs.EncodeCall("submitProofs", [SignProofs(s, keys, proofAddress, chainId)]),
                    150_000UL + 90_000UL * (ulong)s.Proofs.Count, BigInteger.Zero, $"submit {s.Proofs.Count} proofs"),
                TransferDevice t => (keys.Owner(t.FromOwner), contracts.Address(DepinContracts.DeviceRegistry),
                    registry.EncodeCall("transfer", new BigInteger(t.DeviceId), keys.Owner(t.ToOwner).Address), 200_000UL, BigInteger.Zero, $"transfer device {t.DeviceId}"),
                DeactivateDevice d => (keys.Owner(d.Owner), contracts.Address(DepinContracts.DeviceRegistry),
                    registry.EncodeCall("deactivate", new BigInteger(d.DeviceId)), 200_000UL, BigInteger.Zero, $"deactivate device {d.DeviceId}"),
                AdvanceEpoch a => (operatorKey, proofAddress, proofs.EncodeCall("advanceEpoch"), 200_000UL, BigInteger.Zero, $"close epoch {a.ClosedEpoch}"),
                DistributeRewards d => (operatorKey, contracts.Address(DepinContracts.RewardDistributor),
                    distributor.EncodeCall("distribute", new BigInteger(d.Epoch), d.DeviceIds.Select(id => (object)new BigInteger(id)).ToArray()),
                    150_000UL + 100_000UL * (ulong)d.DeviceIds.Count, BigInteger.Zero, $"pay {d.DeviceIds.Count} rewards of epoch {d.Epoch}"),
                ApproveMarket a => (keys.Owner(a.Owner), contracts.Address(DepinContracts.RewardToken),
                    contracts.Abi(DepinContracts.RewardToken).EncodeCall("approve", contracts.Address(DepinContracts.EnergyMarket), MaxUint256),
                    100_000UL, BigInteger.Zero, $"owner {a.Owner} approves the market"),
                TradeEnergy t => (keys.Owner(t.Buyer), contracts.Address(DepinContracts.EnergyMarket),
                    contracts.Abi(DepinContracts.EnergyMarket).EncodeCall("settleTrade", new BigInteger(t.SellerDeviceId), t.EnergyWh, t.PricePerKWh),
                    300_000UL, BigInteger.Zero, $"energy trade from device {t.SellerDeviceId}"),
                _ => throw new InvalidOperationException($"unknown step {step}"),
            };
            if (options.PackBlocks && sender.PendingGas + gas > blockGas) await Confirm(phase).ConfigureAwait(false);
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            await sender.SendAsync(from, to, data, gas, label, value, step, ct).ConfigureAwait(false);
            SendTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
            done++;
            // Owners pay for gas from the funding: it must be mined before their first transaction is accepted.
            var fundingDone = step is FundOwner && plan.Steps[(int)done] is not FundOwner;
            if (sender.PendingCount >= ConfirmEvery || fundingDone)
            {
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                await Confirm(phase).ConfigureAwait(false);
                ConfirmTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t1;
            }
        }
        await Confirm("done").ConfigureAwait(false);
        }
        finally
        {
            if (options.PackBlocks) await rpc.SetAutomineAsync(true, CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var (name, count) in totals.Events)
        {
            if (actual.GetValueOrDefault(name) != count)
                throw new SimulationException($"the run emitted {actual.GetValueOrDefault(name)} {name} logs, the plan expects {count}");
        }
        totals.FirstBlock = firstBlock == long.MaxValue ? 0 : firstBlock;
        totals.LastBlock = lastBlock;
        return totals;
    }

    /// <summary>
    /// Mines blocks by hand until the last pending transaction is in one: many transactions per block instead of
    /// anvil's one per block with automine, which saves anvil's per-block work (anvil runs with --order fifo, so
    /// the plan's order holds across senders).
    /// </summary>
    private async Task MinePendingAsync(TransactionSender sender, CancellationToken ct)
    {
        if (sender.LastPending is not { } last) return;
        for (var i = 0; i < 100_000; i++)
        {
            await rpc.EvmMineAsync(ct).ConfigureAwait(false);
            if (await rpc.GetTransactionReceiptAsync(last.Hash, ct).ConfigureAwait(false) is not null) return;
        }
        throw new SimulationException($"{last.Label} ({last.Hash}) was not mined");
    }

    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    private static object[] SignProofs(SubmitProofs step, SimulationKeys keys, Address proofContract, ulong chainId)
    {
        var inputs = new object[step.Proofs.Count];
        Parallel.For(0, step.Proofs.Count, i =>
        {
            var p = step.Proofs[i];
            var signature = ProofSigner.Sign(keys.Device(p.DeviceKeyIndex), proofContract, chainId, p.DeviceId, (ulong)p.Epoch, p.WorkUnits, p.DataHash);
            inputs[i] = new object[] { new BigInteger(p.DeviceId), new BigInteger(p.Epoch), p.WorkUnits, p.DataHash, signature };
        });
        return inputs;
    }

    private static string PhaseOf(SimStep step) => step switch
    {
        FundOwner => "funding owners",
        RegisterDevices => "registering devices",
        SubmitProofs s => $"epoch {s.Proofs[0].Epoch}: proofs",
        AdvanceEpoch a => $"epoch {a.ClosedEpoch}: closing",
        DistributeRewards d => $"epoch {d.Epoch}: rewards",
        TradeEnergy or ApproveMarket => "energy trades",
        _ => "transfers",
    };

    private async Task<BigInteger> ReadUIntAsync(TransactionSender sender, string contract, ContractAbi abi, string function, CancellationToken ct)
    {
        var fn = abi.GetFunction(function);
        var result = await sender.CallAsync(contracts.Address(contract), fn.EncodeCall(), $"{contract}.{function}", ct).ConfigureAwait(false);
        return (BigInteger)fn.DecodeOutput(result)[0];
    }
}
