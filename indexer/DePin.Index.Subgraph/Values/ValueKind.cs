namespace DePin.Index.Subgraph.Values;

/// <summary>
/// The kinds of entity field values, numbered exactly as graph-ts' <c>ValueKind</c> (the
/// discriminant of the store <c>Value</c> AscEnum in the WASM ABI).
/// </summary>
public enum ValueKind
{
    /// <summary>UTF-16 text (GraphQL <c>String</c>, also <c>ID</c>).</summary>
    String = 0,

    /// <summary>32-bit signed integer (GraphQL <c>Int</c>).</summary>
    Int = 1,

    /// <summary>Arbitrary-precision decimal, normalised to 34 significant digits.</summary>
    BigDecimal = 2,

    /// <summary>Boolean.</summary>
    Bool = 3,

    /// <summary>A list of values.</summary>
    Array = 4,

    /// <summary>The absent value.</summary>
    Null = 5,

    /// <summary>Raw bytes (GraphQL <c>Bytes</c>, addresses, hashes).</summary>
    Bytes = 6,

    /// <summary>Arbitrary-precision signed integer.</summary>
    BigInt = 7,

    /// <summary>64-bit signed integer (GraphQL <c>Int8</c>).</summary>
    Int8 = 8,

    /// <summary>Microseconds since the Unix epoch, as a signed 64-bit integer.</summary>
    Timestamp = 9,
}
