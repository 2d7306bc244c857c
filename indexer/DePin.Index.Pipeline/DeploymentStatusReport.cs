using DePin.Index.Store;

namespace DePin.Index.Pipeline;

/// <summary>
/// A deployment's indexing status as a node reports it (graph-node's indexing status API): the store's record of it merged with
/// what its runner is doing now.
/// </summary>
public sealed record DeploymentStatusReport
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string Network { get; init; }

    /// <summary>True while a runner indexes it on this node.</summary>
    public required bool Running { get; init; }

    /// <summary>The runner's state; null when no runner was started for it on this node.</summary>
    public RunnerState? State { get; init; }

    /// <summary>Healthy, or Failed at a deterministic error (from the store).</summary>
    public required DeploymentHealth Health { get; init; }

    /// <summary>True once it caught up with the chain head (kept in the store).</summary>
    public required bool Synced { get; init; }

    /// <summary>The chain head last seen on its network; null before the first answer.</summary>
    public long? ChainHead { get; init; }

    /// <summary>The first block it indexes.</summary>
    public required int StartBlock { get; init; }

    /// <summary>The earliest block whose state can still be queried.</summary>
    public required int EarliestBlock { get; init; }

    /// <summary>The last committed block; null before the first.</summary>
    public BlockPtr? LatestBlock { get; init; }

    /// <summary>Entities that exist at the latest block.</summary>
    public required long EntityCount { get; init; }

    /// <summary>The deterministic error that failed it, if any.</summary>
    public FatalError? FatalError { get; init; }

    /// <summary>The last non-deterministic error its runner retried after, if any (RPC or database trouble).</summary>
    public string? LastError { get; init; }

    /// <summary>Non-deterministic failures in a row without progress (0 while all goes well).</summary>
    public int ConsecutiveFailures { get; init; }

    public required int ReorgCount { get; init; }
}
