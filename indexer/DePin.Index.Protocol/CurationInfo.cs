using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>A deployment's curation and, when a curator is given, that curator's signal and its value now.</summary>
public sealed record CurationInfo(DeploymentId DeploymentId, CurationPool Pool, Address? Curator, BigInteger CuratorSignal, BigInteger CuratorValue);
