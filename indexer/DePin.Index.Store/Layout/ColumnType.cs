namespace DePin.Index.Store.Layout;

/// <summary>
/// The PostgreSQL type of a column (graph-node's <c>ColumnType</c>). Lists are arrays of it.
/// </summary>
public enum ColumnType
{
    /// <summary><c>ID</c>, <c>String</c> and references to String-id entities: <c>text</c>.</summary>
    String,

    /// <summary><c>Bytes</c> and references to Bytes-id entities: <c>bytea</c>.</summary>
    Bytes,

    /// <summary><c>Int</c>: <c>int4</c>.</summary>
    Int,

    /// <summary><c>Int8</c> and references to Int8-id entities: <c>int8</c>.</summary>
    Int8,

    /// <summary><c>BigInt</c>: <c>numeric</c> (integral values of any size).</summary>
    BigInt,

    /// <summary><c>BigDecimal</c>: <c>numeric</c> (exact digits and exponent).</summary>
    BigDecimal,

    /// <summary><c>Boolean</c>: <c>boolean</c>.</summary>
    Boolean,

    /// <summary>
    /// <c>Timestamp</c>: <c>timestamptz</c>, as graph-node. PostgreSQL keeps microseconds, which is
    /// exactly the resolution of the entity value (µs since the Unix epoch), so values round-trip.
    /// </summary>
    Timestamp,

    /// <summary>An enum of the schema: a PostgreSQL enum type <c>"sgdN"."snake_name"</c>.</summary>
    Enum,

    /// <summary>A <c>@fulltext</c> search column: <c>tsvector</c>, generated from its String fields.</summary>
    TsVector,
}
