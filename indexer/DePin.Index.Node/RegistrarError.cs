namespace DePin.Index.Node;

/// <summary>Why a registrar operation failed (graph-node's <c>SubgraphRegistrarError</c> variants that apply here).</summary>
public enum RegistrarError
{
    /// <summary><c>subgraph already exists: NAME</c>.</summary>
    NameExists,

    /// <summary><c>subgraph name not found: NAME</c>.</summary>
    NameNotFound,

    /// <summary><c>deployment not found: Qm…</c>.</summary>
    DeploymentNotFound,

    /// <summary><c>deployment assignment unchanged: Qm…</c>.</summary>
    AssignmentUnchanged,

    /// <summary>The manifest or a file it links cannot be fetched or parsed: <c>subgraph resolve error: …</c>.</summary>
    ResolveError,

    /// <summary>The manifest parses but is not a valid subgraph (schema, ABI, handlers): <c>subgraph validation error: …</c>.</summary>
    ValidationError,

    /// <summary>A parameter is malformed (name, hash, node id): JSON-RPC invalid params.</summary>
    InvalidParams,
}
