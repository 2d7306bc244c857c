namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// One entity of a result: output values by response key (alias or field name), already in The Graph's JSON form,
/// plus what the next level needs to find its children (raw id and raw reference values).
/// </summary>
internal sealed class EntityRow(string typeName, object rawId) : Dictionary<string, object?>(StringComparer.Ordinal)
{
    public string TypeName { get; } = typeName;

    /// <summary>The id as read from the table (string, byte[] or long).</summary>
    public object RawId { get; } = rawId;

    /// <summary>Raw reference column values by response key of the child selection that follows them.</summary>
    public Dictionary<string, object?>? Links { get; set; }

    /// <summary>The parent's raw id for a row read through a lateral join.</summary>
    public object? Parent { get; set; }
}
