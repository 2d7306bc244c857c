namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>An owner retires a device (DeviceRegistry.deactivate).</summary>
public sealed record DeactivateDevice(int Owner, long DeviceId) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("DeviceDeactivated", 1)];
}
