namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>The operator pays a closed epoch's rewards to a batch of devices (RewardDistributor.distribute).</summary>
public sealed record DistributeRewards(long Epoch, IReadOnlyList<long> DeviceIds) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("RewardPaid", DeviceIds.Count), ("Transfer", DeviceIds.Count)];
}
