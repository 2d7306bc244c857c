namespace DePin.Index.Live;

/// <summary>A deployment's latest committed block as the live layer knows it.</summary>
/// <param name="Number">Block number.</param>
/// <param name="Hash">Block hash, <c>0x</c>-hex.</param>
public readonly record struct DeploymentHead(long Number, string Hash);
