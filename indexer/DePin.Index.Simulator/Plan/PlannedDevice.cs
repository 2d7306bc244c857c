namespace DePin.Index.Simulator.Plan;

/// <summary>A device as the plan registers it; its key signs its proofs.</summary>
public sealed record PlannedDevice(long Id, int KeyIndex, DeviceKind Kind, int LatitudeE6, int LongitudeE6, string MetadataUri);
