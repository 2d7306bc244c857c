using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Store.Layout;

/// <summary>
/// The table of one entity type: <c>vid</c>, the version column (<c>block_range</c> for mutable types,
/// <c>block$</c> for immutable ones) and one column per stored field in declaration order, then the
/// fulltext columns.
/// </summary>
public sealed class Table
{
    private readonly Dictionary<string, Column> _byField;

    internal Table(EntityType entityType, string schemaName, int position, IReadOnlyList<Column> columns)
    {
        EntityType = entityType;
        Name = SqlName.SnakeCase(entityType.Name);
        SchemaName = schemaName;
        Position = position;
        Columns = columns;
        _byField = columns.Where(c => !c.IsFulltext).ToDictionary(c => c.Field, StringComparer.Ordinal);
        Id = _byField["id"];
        DataColumns = columns.Where(c => !c.IsFulltext).ToArray();
    }

    public EntityType EntityType { get; }

    /// <summary>The entity type's name (<c>EnergyTrade</c>).</summary>
    public string EntityName => EntityType.Name;

    /// <summary>The SQL table name (<c>energy_trade</c>), unquoted.</summary>
    public string Name { get; }

    /// <summary>The deployment's schema (<c>sgd7</c>).</summary>
    public string SchemaName { get; }

    /// <summary><c>"sgd7"."energy_trade"</c>.</summary>
    public string QualifiedName => $"{SqlName.Quote(SchemaName)}.{SqlName.Quote(Name)}";

    /// <summary>The entity type's index in the schema (used in index names, as graph-node does).</summary>
    public int Position { get; }

    /// <summary>Immutable types have <c>block$</c> instead of <c>block_range</c>; versions are never closed.</summary>
    public bool Immutable => EntityType.Immutable;

    public bool SkipDuplicates => EntityType.SkipDuplicates;

    /// <summary>All columns in table order (fields, then fulltext columns).</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The columns written on insert (every column but the generated fulltext ones).</summary>
    public IReadOnlyList<Column> DataColumns { get; }

    public Column Id { get; }

    public IdType IdType => EntityType.IdType;

    /// <summary>The column of a stored field, or null (unknown or derived field).</summary>
    public Column? ColumnForField(string field) => _byField.GetValueOrDefault(field);

    public override string ToString() => QualifiedName;
}
