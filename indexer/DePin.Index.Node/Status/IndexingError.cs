namespace DePin.Index.Node.Status;

/// <summary>An error a deployment hit (graph-node's <c>SubgraphError</c>).</summary>
/// <param name="Message">What went wrong.</param>
/// <param name="Block">The block it happened at, when known.</param>
/// <param name="Handler">The mapping handler that raised it, when known.</param>
/// <param name="Deterministic">True when replaying the block would fail the same way.</param>
public sealed record IndexingError(string Message, StatusBlock? Block, string? Handler, bool Deterministic);
