namespace DePin.Index.Store;

/// <summary>A deployment's health, as graph-node reports it in the indexing status API.</summary>
public enum DeploymentHealth
{
    /// <summary>Indexing without errors.</summary>
    Healthy,

    /// <summary>Indexing goes on but a handler failed with a non-fatal error.</summary>
    Unhealthy,

    /// <summary>Stopped at a fatal (deterministic) error, see <see cref="DeploymentStatus.FatalError"/>.</summary>
    Failed,
}
