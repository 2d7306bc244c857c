using System.Numerics;
using DePin.Index.Devnet.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Simulator;

namespace DePin.Index.IntegrationTests.Simulation;

/// <summary>
/// The simulator against a real anvil: every event read back with eth_getLogs and decoded must add up to the
/// totals the simulator printed, and the contracts must reject what they are meant to reject.
/// </summary>
public sealed class SimulationOnAnvilTests(DepinChainFixture chain) : IClassFixture<DepinChainFixture>
{
    private static readonly string[] KindNames = ["wireless", "storage", "compute", "energy", "mapping", "sensor"];

    [Fact]
    public async Task Decoded_logs_add_up_to_the_simulators_totals()
    {
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        try
        {
            var runner = new SimulationRunner(chain.Rpc, chain.Contracts, DevnetContracts.OperatorKey());
            var totals = await runner.RunAsync(new SimulationOptions { Devices = 150, Epochs = 3, Seed = 11, BatchSize = 40 });
            var seen = await ChainTotals.ReadAsync(chain.Rpc, chain.Contracts, totals.FirstBlock, totals.LastBlock);

            Assert.Equal(totals.Devices, seen.Events["DeviceRegistered"]);
            Assert.Equal(totals.Proofs, seen.Events["ProofSubmitted"]);
            Assert.Equal(totals.Rewards, seen.Events["RewardPaid"]);
            Assert.Equal(totals.Transfers, seen.Events.GetValueOrDefault("DeviceTransferred"));
            Assert.Equal(totals.DevicesDeactivated, seen.Events.GetValueOrDefault("DeviceDeactivated"));
            Assert.Equal(totals.Trades, seen.Events.GetValueOrDefault("EnergyTraded"));
            Assert.Equal(totals.Epochs, seen.Events["EpochAdvanced"]);
            Assert.Equal(totals.WorkUnits, seen.WorkUnits);
            Assert.Equal(totals.RewardAmount, seen.RewardAmount);
            Assert.Equal(totals.EnergyWh, seen.EnergyWh);
            Assert.Equal(totals.TradeAmount, seen.TradeAmount);
            Assert.Equal(totals.EventsTotal, seen.Events.Values.Sum());
            foreach (var (name, count) in totals.Events) Assert.Equal(count, seen.Events.GetValueOrDefault(name));
            for (var kind = 0; kind < KindNames.Length; kind++)
            {
                var expected = totals.PerKind.GetValueOrDefault(KindNames[kind]);
                Assert.Equal(expected?.Devices ?? 0, seen.DevicesByKind.GetValueOrDefault(kind));
                Assert.Equal(expected?.Proofs ?? 0, seen.ProofsByKind.GetValueOrDefault(kind));
            }
            Assert.True(totals.Trades > 0 && totals.Transfers > 0, "the run should exercise trades and transfers");
            Assert.True(seen.MinBlock >= totals.FirstBlock && seen.MaxBlock <= totals.LastBlock);

            // The chain's own state agrees: the token's supply is exactly the rewards minted.
            var token = chain.Contracts.Abi(DepinContracts.RewardToken).GetFunction("totalSupply");
            var supply = await chain.Rpc.CallAsync(new() { To = chain.Contracts.Address(DepinContracts.RewardToken), Data = token.EncodeCall() });
            Assert.Equal(totals.RewardAmount, (BigInteger)token.DecodeOutput(supply)[0]);
        }
        finally
        {
            await chain.Rpc.EvmRevertAsync(snapshot);
        }
    }

    [Fact]
    public async Task The_same_seed_on_the_same_chain_state_produces_the_same_totals()
    {
        var options = new SimulationOptions { Devices = 40, Epochs = 2, Seed = 99 };
        var runner = new SimulationRunner(chain.Rpc, chain.Contracts, DevnetContracts.OperatorKey());
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        SimulationTotals first;
        try { first = await runner.RunAsync(options); }
        finally { await chain.Rpc.EvmRevertAsync(snapshot); }
        snapshot = await chain.Rpc.EvmSnapshotAsync();
        try
        {
            var second = await runner.RunAsync(options);
            Assert.Equal(first.WorkUnits, second.WorkUnits);
            Assert.Equal(first.RewardAmount, second.RewardAmount);
            Assert.Equal(first.TradeAmount, second.TradeAmount);
            Assert.Equal(first.Events, second.Events);
            Assert.Equal(first.FirstBlock, second.FirstBlock);
            Assert.Equal(first.LastBlock, second.LastBlock);
        }
        finally { await chain.Rpc.EvmRevertAsync(snapshot); }
    }

    [Fact]
    public async Task A_proof_signed_by_another_key_or_replayed_is_rejected_with_the_contracts_error()
    {
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        try
        {
            var sender = await TransactionSender.CreateAsync(chain.Rpc, chain.Contracts.AllAbis);
            var owner = DevnetContracts.OperatorKey();
            var deviceKey = EthKey.FromSeed("proof-test-device"u8);
            var registry = chain.Contracts.Abi(DepinContracts.DeviceRegistry);
            await sender.SendAsync(owner, chain.Contracts.Address(DepinContracts.DeviceRegistry),
                registry.EncodeCall("register", deviceKey.Address, new BigInteger(3), new BigInteger(1), new BigInteger(-2), "ipfs://x"), 500_000, "register");
            await sender.ConfirmAsync();
            var count = registry.GetFunction("deviceCount");
            var id = (BigInteger)count.DecodeOutput(await sender.CallAsync(chain.Contracts.Address(DepinContracts.DeviceRegistry), count.EncodeCall(), "deviceCount"))[0];

            var proofs = chain.Contracts.Abi(DepinContracts.ProofOfPhysicalWork);
            var epochFn = proofs.GetFunction("currentEpoch");
            var pow = chain.Contracts.Address(DepinContracts.ProofOfPhysicalWork);
            var epoch = (BigInteger)epochFn.DecodeOutput(await sender.CallAsync(pow, epochFn.EncodeCall(), "currentEpoch"))[0];
            var dataHash = Keccak256.Hash("data");
            BigInteger work = 1234;

            // Signed by a stranger: InvalidSignature.
            var wrong = ProofSigner.Sign(EthKey.FromSeed("stranger"u8), pow, sender.ChainId, id, (ulong)epoch, work, dataHash);
            await sender.SendAsync(owner, pow, proofs.EncodeCall("submitProof", id, epoch, work, dataHash, wrong), 300_000, "bad proof");
            var bad = await Assert.ThrowsAsync<TransactionFailedException>(() => sender.ConfirmAsync());
            Assert.Contains("InvalidSignature", bad.Message, StringComparison.Ordinal);

            // Signed by the device: accepted once, then ProofAlreadySubmitted.
            var good = ProofSigner.Sign(deviceKey, pow, sender.ChainId, id, (ulong)epoch, work, dataHash);
            await sender.SendAsync(owner, pow, proofs.EncodeCall("submitProof", id, epoch, work, dataHash, good), 300_000, "proof");
            var (_, receipt) = (await sender.ConfirmAsync())[0];
            Assert.Single(receipt.Logs);
            await sender.SendAsync(owner, pow, proofs.EncodeCall("submitProof", id, epoch, work, dataHash, good), 300_000, "replayed proof");
            var replay = await Assert.ThrowsAsync<TransactionFailedException>(() => sender.ConfirmAsync());
            Assert.Contains("ProofAlreadySubmitted", replay.Message, StringComparison.Ordinal);
        }
        finally
        {
            await chain.Rpc.EvmRevertAsync(snapshot);
        }
    }
}
