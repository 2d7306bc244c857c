namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>The operator closes an epoch (ProofOfPhysicalWork.advanceEpoch).</summary>
public sealed record AdvanceEpoch(long ClosedEpoch) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("EpochAdvanced", 1)];
}
