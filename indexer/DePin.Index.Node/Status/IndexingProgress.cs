namespace DePin.Index.Node.Status;

/// <summary>How far a deployment's indexing has come, as the pipeline reports it.</summary>
public sealed record IndexingProgress
{
    public IndexingHealth Health { get; init; } = IndexingHealth.Healthy;

    /// <summary>True once the deployment has caught up with the chain head.</summary>
    public bool Synced { get; init; }

    /// <summary>The chain head the node last saw for the deployment's network.</summary>
    public StatusBlock? ChainHead { get; init; }

    /// <summary>The first block the deployment indexes (its start block).</summary>
    public long? EarliestBlock { get; init; }

    /// <summary>The last block the deployment committed.</summary>
    public StatusBlock? LatestBlock { get; init; }

    /// <summary>The last block before a fatal error.</summary>
    public StatusBlock? LastHealthyBlock { get; init; }

    /// <summary>Entity versions currently live in the deployment's tables.</summary>
    public long EntityCount { get; init; }

    public IndexingError? FatalError { get; init; }

    public IReadOnlyList<IndexingError> NonFatalErrors { get; init; } = [];
}
