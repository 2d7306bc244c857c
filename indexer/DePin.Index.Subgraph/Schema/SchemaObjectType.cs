namespace DePin.Index.Subgraph.Schema;

/// <summary>What entity types and interfaces share: a name and fields, one of them the <c>id</c>.</summary>
public abstract class SchemaObjectType
{
    private readonly Dictionary<string, SchemaField> _fields;

    private protected SchemaObjectType(string name, IReadOnlyList<SchemaField> fields, string? description, int line, int column)
    {
        Name = name;
        Fields = fields;
        Description = description;
        Line = line;
        Column = column;
        _fields = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            _fields.TryAdd(f.Name, f);
        }
    }

    public string Name { get; }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<SchemaField> Fields { get; }

    public string? Description { get; }

    /// <summary>1-based line of the type in the schema file.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The type of <c>id</c> (for an interface: the one its implementations share).</summary>
    public IdType IdType { get; internal set; }

    public bool HasField(string name) => _fields.ContainsKey(name);

    public bool TryGetField(string name, out SchemaField field) => _fields.TryGetValue(name, out field!);

    /// <summary>The field; <see cref="KeyNotFoundException"/> naming type and field when absent.</summary>
    public SchemaField GetField(string name) =>
        _fields.TryGetValue(name, out var f) ? f : throw new KeyNotFoundException($"type `{Name}` has no field `{name}`");

    public override string ToString() => Name;
}
