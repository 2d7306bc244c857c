using DePin.Index.Chain;
using DePin.Index.Store;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Pipeline;

/// <summary>A snapshot of a <see cref="DeploymentRunner"/>: its state and what it has done since it was constructed.</summary>
public sealed record RunnerStatus
{
    public required RunnerState State { get; init; }

    /// <summary>The last block committed to the store (the deployment's cursor as this runner knows it); null before the first.</summary>
    public BlockPtr? CommittedBlock { get; init; }

    /// <summary>The chain head the runner last saw (asked when the stream had nothing ready); null before it asked.</summary>
    public long? ChainHead { get; init; }

    /// <summary>True once a committed block reached the chain head seen at that moment.</summary>
    public bool Synced { get; init; }

    /// <summary>The deterministic error that failed the deployment, if any.</summary>
    public FatalError? FatalError { get; init; }

    /// <summary>The last non-deterministic error (kept after recovery, for diagnosis).</summary>
    public string? LastError { get; init; }

    /// <summary>Non-deterministic failures since the last block committed (0 while all goes well).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Non-deterministic failures in all.</summary>
    public long Retries { get; init; }

    public long BlocksProcessed { get; init; }

    public long HandlersRun { get; init; }

    public long ModificationsCommitted { get; init; }

    public long BatchesCommitted { get; init; }

    /// <summary>Reorgs handled (Revert events applied to the store).</summary>
    public long Reverts { get; init; }

    /// <summary>Entity versions deleted by pruning (<see cref="DeploymentRunnerOptions.HistoryBlocks"/>).</summary>
    public long PrunedVersions { get; init; }

    /// <summary>Where the time went, per stage.</summary>
    public required StageTimes Times { get; init; }

    /// <summary>Round trips the entity cache made to the store for misses.</summary>
    public long CacheStoreReads { get; init; }
}
