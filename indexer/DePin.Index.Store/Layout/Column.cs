using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Store.Layout;

/// <summary>One column of an entity table: a stored (not derived) field, or a fulltext search column.</summary>
public sealed class Column
{
    internal Column(string name, string field, ColumnType type, bool isList, bool isNullable, bool isReference,
        bool isPrimaryKey, string sqlType, SchemaField? schemaField, FulltextDefinition? fulltext, IReadOnlyList<string> fulltextFields,
        EnumType? enumType = null)
    {
        Name = name;
        Field = field;
        Type = type;
        IsList = isList;
        IsNullable = isNullable;
        IsReference = isReference;
        IsPrimaryKey = isPrimaryKey;
        SqlType = sqlType;
        SchemaField = schemaField;
        Fulltext = fulltext;
        FulltextFields = fulltextFields;
        EnumType = enumType;
    }

    /// <summary>The SQL name (snake_case, unquoted).</summary>
    public string Name { get; }

    /// <summary>The GraphQL field name (the fulltext query name for a fulltext column).</summary>
    public string Field { get; }

    public ColumnType Type { get; }

    public bool IsList { get; }

    /// <summary>False for <c>id</c> and non-null fields (<c>T!</c>, <c>[T]!</c>).</summary>
    public bool IsNullable { get; }

    /// <summary>True when the field's type is an entity type or an interface (the column holds ids).</summary>
    public bool IsReference { get; }

    public bool IsPrimaryKey { get; }

    public bool IsEnum => Type == ColumnType.Enum;

    public bool IsFulltext => Type == ColumnType.TsVector;

    /// <summary>
    /// graph-node indexes and compares only a prefix of unbounded values: <c>left(col, 256)</c> for
    /// String and <c>substring(col, 1, 64)</c> for Bytes columns that are neither the id, a reference nor a list.
    /// </summary>
    public bool UsePrefixComparison =>
        !IsPrimaryKey && !IsReference && !IsList && Type is ColumnType.String or ColumnType.Bytes;

    /// <summary>The SQL type of a value (without <c>[]</c>): <c>text</c>, <c>numeric</c>, <c>"sgd1"."device_kind"</c>.</summary>
    public string SqlType { get; }

    /// <summary>The schema field, or null for a fulltext column.</summary>
    public SchemaField? SchemaField { get; }

    /// <summary>The <c>@fulltext</c> definition of a fulltext column.</summary>
    public FulltextDefinition? Fulltext { get; }

    /// <summary>The String fields a fulltext column is computed from.</summary>
    public IReadOnlyList<string> FulltextFields { get; }

    /// <summary>The schema enum of an enum column.</summary>
    public EnumType? EnumType { get; }

    /// <summary>The quoted SQL name.</summary>
    public string Quoted => SqlName.Quote(Name);

    public override string ToString() => $"{Name} {SqlType}{(IsList ? "[]" : "")}";
}
