namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>The relayer submits device-signed proofs of work (ProofOfPhysicalWork.submitProofs).</summary>
public sealed record SubmitProofs(IReadOnlyList<PlannedProof> Proofs) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("ProofSubmitted", Proofs.Count)];
}
