using System.Numerics;

namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>The operator sends ether to an owner so it can pay for its own transactions.</summary>
public sealed record FundOwner(int Owner, BigInteger Wei) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [];
}
