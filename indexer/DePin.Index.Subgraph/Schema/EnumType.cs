namespace DePin.Index.Subgraph.Schema;

/// <summary>An enum of the schema; entity fields of this type hold one of <see cref="Values"/> as a string.</summary>
public sealed class EnumType
{
    private readonly HashSet<string> _values;

    internal EnumType(string name, IReadOnlyList<string> values, string? description, int line, int column)
    {
        Name = name;
        Values = values;
        Description = description;
        Line = line;
        Column = column;
        _values = new HashSet<string>(values, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>The values in declaration order.</summary>
    public IReadOnlyList<string> Values { get; }

    public string? Description { get; }

    public int Line { get; }

    public int Column { get; }

    public bool Contains(string value) => _values.Contains(value);

    public override string ToString() => Name;
}
