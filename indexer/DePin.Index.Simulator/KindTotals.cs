using System.Numerics;

namespace DePin.Index.Simulator;

/// <summary>Totals of one device kind.</summary>
public sealed class KindTotals
{
    public long Devices { get; set; }
    public long Proofs { get; set; }
    public BigInteger WorkUnits { get; set; }
    public long Rewards { get; set; }
    public BigInteger RewardAmount { get; set; }
}
