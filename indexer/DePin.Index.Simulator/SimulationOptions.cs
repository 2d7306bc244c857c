using System.Numerics;

namespace DePin.Index.Simulator;

/// <summary>What a simulation run does. Every rate is a probability per device and epoch.</summary>
public sealed record SimulationOptions
{
    /// <summary>Devices to register (default 1,000).</summary>
    public int Devices { get; init; } = 1_000;

    /// <summary>Epochs to run: proofs, then epoch close, rewards, transfers and trades (default 3).</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Seed of every random choice: the same seed on the same chain state gives the same activity.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Devices per owner on average (default 10).</summary>
    public int DevicesPerOwner { get; init; } = 10;

    /// <summary>Chance that an active device submits a proof in an epoch (default 0.9).</summary>
    public double ProofRate { get; init; } = 0.9;

    /// <summary>Chance that a device changes owner in an epoch (default 0.03).</summary>
    public double TransferRate { get; init; } = 0.03;

    /// <summary>Chance that an active device is deactivated in an epoch (default 0.01).</summary>
    public double DeactivationRate { get; init; } = 0.01;

    /// <summary>Energy trades per epoch, as a share of the active energy devices (default 0.5).</summary>
    public double TradeRate { get; init; } = 0.5;

    /// <summary>Items per batched transaction (registrations, proofs, reward payouts; default 100).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// Turn automine off and mine many transactions per block (anvil only; default true). Off: one block per
    /// transaction, as anvil's automine does.
    /// </summary>
    public bool PackBlocks { get; init; } = true;

    /// <summary>Tokens minted per epoch, shared in proportion to work; read from the chain when null.</summary>
    public BigInteger? RewardPerEpoch { get; init; }

    public void Validate()
    {
        if (Devices is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Devices), Devices, "devices must be 1..1,000,000");
        if (Epochs is < 0 or > 10_000) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "epochs must be 0..10,000");
        if (DevicesPerOwner < 1) throw new ArgumentOutOfRangeException(nameof(DevicesPerOwner), DevicesPerOwner, "must be at least 1");
        if (BatchSize is < 1 or > 1_000) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be 1..1,000");
        foreach (var (name, rate) in new[] { (nameof(ProofRate), ProofRate), (nameof(TransferRate), TransferRate),
                     (nameof(DeactivationRate), DeactivationRate), (nameof(TradeRate), TradeRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(name, rate, "a rate is between 0 and 1");
        }
    }
}
