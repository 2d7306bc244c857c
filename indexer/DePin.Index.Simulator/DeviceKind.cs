namespace DePin.Index.Simulator;

/// <summary>The device kinds of the DeviceRegistry contract (its uint8 values).</summary>
public enum DeviceKind : byte
{
    Wireless = 0,
    Storage = 1,
    Compute = 2,
    Energy = 3,
    Mapping = 4,
    Sensor = 5,
}
