namespace DePin.Index.Protocol;

/// <summary>The chain's position in epochs.</summary>
public sealed record EpochInfo(long CurrentEpoch, long CurrentBlock, long EpochLength, long CurrentEpochStartBlock, long BlocksUntilNextEpoch);
