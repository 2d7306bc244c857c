using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Store.Layout;

/// <summary>
/// How a subgraph schema maps to tables in one PostgreSQL schema (<c>sgdN</c>), following graph-node's
/// <c>relational::Layout</c>: one table per <c>@entity</c> type (interfaces are not stored), one column
/// per stored field (derived fields have none), enums as PostgreSQL enum types, lists as arrays,
/// references as the referenced type's id column type, and one <c>tsvector</c> column per <c>@fulltext</c>
/// query on its entity type.
/// </summary>
public sealed class RelationalLayout
{
    /// <summary>Columns every table has; a field with one of these SQL names is refused.</summary>
    public static IReadOnlyList<string> ReservedColumns { get; } = ["vid", "block_range", "block$", "causality_region"];

    private readonly Dictionary<string, Table> _byEntity;

    private RelationalLayout(SubgraphSchema schema, string schemaName, IReadOnlyList<Table> tables)
    {
        Schema = schema;
        SchemaName = schemaName;
        Tables = tables;
        _byEntity = tables.ToDictionary(t => t.EntityName, StringComparer.Ordinal);
    }

    public SubgraphSchema Schema { get; }

    /// <summary>The PostgreSQL schema of the deployment (<c>sgd7</c>).</summary>
    public string SchemaName { get; }

    /// <summary>Tables in schema order.</summary>
    public IReadOnlyList<Table> Tables { get; }

    /// <summary>The table of an entity type; <see cref="StoreException"/> naming it when the schema has none.</summary>
    public Table GetTable(string entityType) =>
        _byEntity.TryGetValue(entityType, out var t) ? t : throw new StoreException($"the schema has no entity type `{entityType}`");

    public bool TryGetTable(string entityType, out Table table) => _byEntity.TryGetValue(entityType, out table!);

    /// <summary>The SQL name of an enum type: <c>"sgd7"."device_kind"</c>.</summary>
    public string EnumSqlName(string enumName) => $"{SqlName.Quote(SchemaName)}.{SqlName.Quote(SqlName.SnakeCase(enumName))}";

    /// <summary>Builds the layout; a <see cref="StoreException"/> names any type or field the store cannot hold.</summary>
    public static RelationalLayout Create(SubgraphSchema schema, string schemaName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        SqlName.CheckIdentifier(schemaName, "database schema");
        var tables = new List<Table>();
        var tableNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in schema.Enums)
        {
            SqlName.CheckIdentifier(e.Name, "enum");
        }

        for (var position = 0; position < schema.EntityTypes.Count; position++)
        {
            var type = schema.EntityTypes[position];
            SqlName.CheckIdentifier(type.Name, "object");
            var tableName = SqlName.SnakeCase(type.Name);
            if (!tableNames.TryAdd(tableName, type.Name))
            {
                throw new StoreException($"entity types `{tableNames[tableName]}` and `{type.Name}` would both be stored in table `{tableName}`");
            }

            tables.Add(new Table(type, schemaName, position, Columns(schema, schemaName, type)));
        }

        return new RelationalLayout(schema, schemaName, tables);
    }

    private static List<Column> Columns(SubgraphSchema schema, string schemaName, EntityType type)
    {
        var columns = new List<Column>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(Column c)
        {
            if (ReservedColumns.Contains(c.Name))
            {
                throw new StoreException($"type `{type.Name}`, field `{c.Field}`: its column name `{c.Name}` is reserved by the store");
            }

            if (!names.TryAdd(c.Name, c.Field))
            {
                throw new StoreException($"type `{type.Name}`: fields `{names[c.Name]}` and `{c.Field}` would both be stored in column `{c.Name}`");
            }

            columns.Add(c);
        }

        foreach (var field in type.Fields.Where(f => !f.IsDerived))
        {
            SqlName.CheckIdentifier(field.Name, "attribute");
            Add(FieldColumn(schema, schemaName, type, field));
        }

        foreach (var fulltext in schema.Fulltexts)
        {
            foreach (var include in fulltext.Includes.Where(i => i.Entity == type.Name))
            {
                SqlName.CheckIdentifier(fulltext.Name, "attribute");
                Add(new Column(SqlName.SnakeCase(fulltext.Name), fulltext.Name, ColumnType.TsVector, isList: false, isNullable: true,
                    isReference: false, isPrimaryKey: false, "tsvector", null, fulltext, include.Fields));
            }
        }

        return columns;
    }

    private static Column FieldColumn(SubgraphSchema schema, string schemaName, EntityType type, SchemaField field)
    {
        var isId = field.Name == "id";
        ColumnType columnType;
        string sqlType;
        EnumType? enumType = null;
        switch (field.BaseKind)
        {
            case FieldBaseKind.Enum:
                columnType = ColumnType.Enum;
                schema.TryGetEnum(field.Type.BaseName, out var e);
                enumType = e;
                sqlType = $"{SqlName.Quote(schemaName)}.{SqlName.Quote(SqlName.SnakeCase(field.Type.BaseName))}";
                break;
            case FieldBaseKind.Entity:
                columnType = OfIdType(schema.GetEntityType(field.Type.BaseName).IdType);
                sqlType = SqlTypeOf(columnType);
                break;
            case FieldBaseKind.Interface:
                columnType = OfIdType(schema.GetInterface(field.Type.BaseName).IdType);
                sqlType = SqlTypeOf(columnType);
                break;
            default:
                columnType = isId ? OfIdType(type.IdType) : OfScalar(field.Scalar ?? ScalarType.String);
                sqlType = SqlTypeOf(columnType);
                break;
        }

        if (field.Type.ListDepth > 1)
        {
            throw new StoreException($"type `{type.Name}`, field `{field.Name}`: nested lists ({field.Type}) can not be stored");
        }

        var isReference = field.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface;
        return new Column(SqlName.SnakeCase(field.Name), field.Name, columnType, field.IsList, isNullable: !isId && !field.IsNonNull,
            isReference, isId, sqlType, field, null, [], enumType);
    }

    internal static ColumnType OfIdType(IdType idType) => idType switch
    {
        IdType.Bytes => ColumnType.Bytes,
        IdType.Int8 => ColumnType.Int8,
        _ => ColumnType.String,
    };

    private static ColumnType OfScalar(ScalarType scalar) => scalar switch
    {
        ScalarType.ID or ScalarType.String => ColumnType.String,
        ScalarType.Int => ColumnType.Int,
        ScalarType.Int8 => ColumnType.Int8,
        ScalarType.BigInt => ColumnType.BigInt,
        ScalarType.BigDecimal => ColumnType.BigDecimal,
        ScalarType.Bytes => ColumnType.Bytes,
        ScalarType.Boolean => ColumnType.Boolean,
        ScalarType.Timestamp => ColumnType.Timestamp,
        _ => throw new StoreException($"unknown scalar type {scalar}"),
    };

    private static string SqlTypeOf(ColumnType type) => type switch
    {
        ColumnType.String => "text",
        ColumnType.Bytes => "bytea",
        ColumnType.Int => "int4",
        ColumnType.Int8 => "int8",
        ColumnType.BigInt or ColumnType.BigDecimal => "numeric",
        ColumnType.Boolean => "boolean",
        ColumnType.Timestamp => "timestamptz",
        _ => throw new InvalidOperationException($"{type} has no fixed SQL type"),
    };
}
