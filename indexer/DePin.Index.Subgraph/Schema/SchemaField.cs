using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Schema;

/// <summary>A field of an entity or interface type.</summary>
public sealed class SchemaField
{
    internal SchemaField(string name, FieldType type, string? derivedFrom, string? description, int line, int column)
    {
        Name = name;
        Type = type;
        DerivedFrom = derivedFrom;
        Description = description;
        Line = line;
        Column = column;
    }

    public string Name { get; }

    public FieldType Type { get; }

    /// <summary>The <c>field</c> argument of <c>@derivedFrom</c>, or null for a stored field.</summary>
    public string? DerivedFrom { get; }

    /// <summary>True for a <c>@derivedFrom</c> field: computed at query time, never set by mappings.</summary>
    public bool IsDerived => DerivedFrom is not null;

    public bool IsList => Type.IsList;

    public bool IsNonNull => Type.IsNonNull;

    public string? Description { get; }

    /// <summary>1-based line of the field in the schema file.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>What the base type is: scalar, enum, entity or interface.</summary>
    public FieldBaseKind BaseKind { get; internal set; }

    /// <summary>The scalar, when <see cref="BaseKind"/> is <see cref="FieldBaseKind.Scalar"/>.</summary>
    public ScalarType? Scalar { get; internal set; }

    /// <summary>
    /// The kind a stored value (for a list: each element) must have: the scalar's kind, String for
    /// enums, and the referenced type's id kind for entity and interface references.
    /// </summary>
    public ValueKind ValueKind { get; internal set; }

    public override string ToString() => $"{Name}: {Type}";
}
