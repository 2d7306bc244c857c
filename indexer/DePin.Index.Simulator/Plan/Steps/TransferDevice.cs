namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>An owner hands a device to another owner (DeviceRegistry.transfer).</summary>
public sealed record TransferDevice(int FromOwner, long DeviceId, int ToOwner) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("DeviceTransferred", 1)];
}
