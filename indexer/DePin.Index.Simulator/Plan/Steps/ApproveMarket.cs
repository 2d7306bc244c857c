namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>A buyer lets the energy market move its tokens (RewardToken.approve, unlimited).</summary>
public sealed record ApproveMarket(int Owner) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("Approval", 1)];
}
