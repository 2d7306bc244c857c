namespace DePin.Index.Pipeline;

/// <summary>The states of a <see cref="DeploymentRunner"/>; the transitions are listed on the runner.</summary>
public enum RunnerState
{
    /// <summary>Constructed, <see cref="DeploymentRunner.RunAsync"/> not called yet.</summary>
    Created,

    /// <summary>Opening (or creating) the store, reading the cursor and dynamic data sources, compiling the mappings.</summary>
    Loading,

    /// <summary>Consuming the block stream: mapping blocks, committing batches, reverting on reorgs.</summary>
    Indexing,

    /// <summary>Waiting out a backoff after a non-deterministic error before loading again from the committed cursor.</summary>
    Retrying,

    /// <summary>Final: a deterministic error failed the deployment (recorded in the store).</summary>
    Failed,

    /// <summary>Final: the stream ended (every data source passed its end block, or the stop block was reached) and all is committed.</summary>
    Completed,

    /// <summary>Final: stopped on request (cancellation).</summary>
    Stopped,
}
