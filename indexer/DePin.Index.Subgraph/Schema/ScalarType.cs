namespace DePin.Index.Subgraph.Schema;

/// <summary>The built-in scalar types of a subgraph schema (graph-node's <c>ValueType</c>).</summary>
public enum ScalarType
{
    /// <summary><c>ID</c>: stored as a string.</summary>
    ID,

    String,

    /// <summary>32-bit signed integer.</summary>
    Int,

    /// <summary>64-bit signed integer.</summary>
    Int8,

    /// <summary>Arbitrary-precision integer.</summary>
    BigInt,

    /// <summary>Arbitrary-precision decimal.</summary>
    BigDecimal,

    /// <summary>Byte array, written as 0x-hex in GraphQL.</summary>
    Bytes,

    Boolean,

    /// <summary>Microseconds since the Unix epoch.</summary>
    Timestamp,
}
