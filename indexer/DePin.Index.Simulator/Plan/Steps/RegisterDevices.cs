namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>An owner registers a batch of its devices (DeviceRegistry.registerBatch).</summary>
public sealed record RegisterDevices(int Owner, IReadOnlyList<PlannedDevice> Devices) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("DeviceRegistered", Devices.Count)];
}
