using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>The entity type or interface a selection reads, with the tables that hold it.</summary>
internal sealed record Target(SchemaObjectType Type, IReadOnlyList<Table> Tables)
{
    public bool IsUnion => Tables.Count != 1;
}

/// <summary>One selection level: which tables, which fields of each, and the collection arguments.</summary>
internal sealed class LevelPlan(Target target)
{
    public Target Target { get; } = target;

    /// <summary>What to read per table (by entity type name); every table of <see cref="Target"/> has one.</summary>
    public Dictionary<string, TypeSelection> ByType { get; } = new(StringComparer.Ordinal);

    public bool IsList { get; init; }

    public int First { get; init; } = 1;

    public int Skip { get; init; }

    public string? OrderBy { get; init; }

    public bool Descending { get; init; }

    public IDictionary<string, object?>? Where { get; init; }

    /// <summary>A fulltext query field: the definition and the search text.</summary>
    public (FulltextDefinition Definition, string Text)? Fulltext { get; init; }

    /// <summary>The singular root field's id argument.</summary>
    public object? IdEquals { get; init; }
}

/// <summary>The fields read from one table at a level.</summary>
internal sealed class TypeSelection(Table table)
{
    public Table Table { get; } = table;

    public List<(string Key, Column Column)> Scalars { get; } = [];

    public List<ChildPlan> Children { get; } = [];

    /// <summary>Response keys in selection order; true marks <c>__typename</c>.</summary>
    public List<(string Key, bool IsTypename)> Output { get; } = [];

    /// <summary>The child plan of a response key, or null for a scalar.</summary>
    public ChildPlan? ChildFor(string key) => Children.Find(c => c.Key == key);
}

/// <summary>An entity-typed field below a level: how its rows link to the parent rows, and its own level.</summary>
internal sealed class ChildPlan(string key, SchemaField field, Column? stored, LevelPlan level)
{
    public string Key { get; } = key;

    public SchemaField Field { get; } = field;

    /// <summary>The parent's reference column for a stored field; null for a derived one.</summary>
    public Column? Stored { get; } = stored;

    public LevelPlan Level { get; } = level;
}
