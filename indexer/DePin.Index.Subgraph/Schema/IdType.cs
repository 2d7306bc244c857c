namespace DePin.Index.Subgraph.Schema;

/// <summary>The type of an entity's <c>id</c> (graph-node's <c>IdType</c>): <c>ID</c>/<c>String</c>, <c>Bytes</c> or <c>Int8</c>.</summary>
public enum IdType
{
    /// <summary><c>ID</c> or <c>String</c>.</summary>
    String,

    Bytes,

    /// <summary><c>Int8</c> (spec version ≥ 1.1.0; timeseries).</summary>
    Int8,
}
