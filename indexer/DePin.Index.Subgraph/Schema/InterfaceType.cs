namespace DePin.Index.Subgraph.Schema;

/// <summary>An interface: queryable as the union of the entity types implementing it; not stored itself.</summary>
public sealed class InterfaceType : SchemaObjectType
{
    internal InterfaceType(string name, IReadOnlyList<SchemaField> fields, string? description, int line, int column)
        : base(name, fields, description, line, column)
    {
    }

    /// <summary>Names of the entity types implementing this interface, in schema order.</summary>
    public IReadOnlyList<string> Implementers { get; internal set; } = [];
}
