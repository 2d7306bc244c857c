namespace DePin.Index.Store;

/// <summary>A deployment's metadata row (<c>subgraphs.deployment</c>).</summary>
public sealed record DeploymentStatus
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The PostgreSQL schema holding the entity tables (<c>sgd7</c>).</summary>
    public required string SchemaName { get; init; }

    public required string Network { get; init; }

    public required int StartBlock { get; init; }

    /// <summary>The cursor: the last block whose changes are committed; null before the first write.</summary>
    public BlockPtr? LatestBlock { get; init; }

    /// <summary>The earliest block whose state can still be read (raised by pruning).</summary>
    public required int EarliestBlock { get; init; }

    public required bool Synced { get; init; }

    public DateTimeOffset? SyncedAt { get; init; }

    public required DeploymentHealth Health { get; init; }

    public FatalError? FatalError { get; init; }

    /// <summary>The number of entities that exist at the latest block.</summary>
    public required long EntityCount { get; init; }

    public required int ReorgCount { get; init; }

    /// <summary>The deepest revert so far, in blocks.</summary>
    public required int MaxReorgDepth { get; init; }

    /// <summary>True while attribute indexes postponed at creation are still missing.</summary>
    public required bool IndexesPostponed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
