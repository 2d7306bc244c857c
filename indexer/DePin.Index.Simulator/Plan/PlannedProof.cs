using System.Numerics;

namespace DePin.Index.Simulator.Plan;

/// <summary>A proof of work a device signs for an epoch; the runner signs it with the device key.</summary>
public sealed record PlannedProof(long DeviceId, int DeviceKeyIndex, long Epoch, BigInteger WorkUnits, byte[] DataHash);
