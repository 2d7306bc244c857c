namespace DePin.Index.Node.Status;

/// <summary>graph-node's <c>Health</c>: healthy, unhealthy (non-fatal errors) or failed (stopped on a fatal error).</summary>
public enum IndexingHealth
{
    Healthy,
    Unhealthy,
    Failed,
}
