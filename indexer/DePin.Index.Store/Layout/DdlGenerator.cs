using System.Globalization;
using System.Text;

namespace DePin.Index.Store.Layout;

/// <summary>
/// The DDL of a deployment's schema, generated as graph-node's <c>relational/ddl.rs</c> does (pure; the
/// output is golden-tested). Differences, on purpose:
/// <list type="bullet">
/// <item><c>vid</c> is <c>bigint</c> filled by the store with <c>(block &lt;&lt; 32) + seq</c> (graph-node's
/// scheme from spec 1.3.0), never a sequence;</item>
/// <item>a fulltext column is a stored generated column, <c>to_tsvector(cfg, coalesce(f1, '')) || …</c>, so
/// bulk COPY needs not compute it (graph-node computes the same expression in its INSERT);</item>
/// <item>the schema itself is created here too (<c>create schema</c>).</item>
/// </list>
/// </summary>
public static class DdlGenerator
{
    private const string UpperBound = "coalesce(upper(block_range), 2147483647)";

    /// <summary>The whole schema: <c>create schema</c>, enum types, then each table with its indexes.</summary>
    public static string CreateSchema(RelationalLayout layout, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= DdlOptions.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"create schema {SqlName.Quote(layout.SchemaName)};\n");
        foreach (var e in layout.Schema.Enums)
        {
            var values = e.Values.Order(StringComparer.Ordinal).Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'");
            sb.Append(CultureInfo.InvariantCulture, $"create type {layout.EnumSqlName(e.Name)}\n    as enum ({string.Join(", ", values)});\n");
        }

        foreach (var table in layout.Tables)
        {
            AppendTable(sb, table, options);
            foreach (var index in Indexes(table, options).Where(i => !(options.PostponeAttributeIndexes && i.Postponable)))
            {
                sb.Append(index.ToSql()).Append(";\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The statements (<c>create index concurrently if not exists …</c>) for the indexes that
    /// <see cref="CreateSchema"/> left out because of <see cref="DdlOptions.PostponeAttributeIndexes"/>.
    /// </summary>
    public static IReadOnlyList<string> PostponedIndexes(RelationalLayout layout, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        return options.PostponeAttributeIndexes
            ? layout.Tables.SelectMany(t => Indexes(t, options)).Where(i => i.Postponable).Select(i => i.ToSql(concurrently: true)).ToArray()
            : [];
    }

    /// <summary>Every index of a table: time-travel indexes, then one per indexed attribute (<c>attr_{table}_{i}_{name}_{column}</c>).</summary>
    public static IReadOnlyList<IndexDefinition> Indexes(Table table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var list = new List<IndexDefinition>();
        if (table.Immutable)
        {
            list.Add(new IndexDefinition($"{table.Name}_block", table, "btree", ["block$"], null, null));
        }
        else
        {
            list.Add(new IndexDefinition($"brin_{table.Name}", table, "brin", ["lower(block_range)", UpperBound, "vid"], null, null));
            list.Add(new IndexDefinition($"{table.Name}_block_range_closed", table, "btree", [UpperBound], $"({UpperBound} < 2147483647)", null));
        }

        var i = 0;
        foreach (var column in ColumnsToIndex(table))
        {
            var position = i++;
            if (column.IsList && !options.GinIndexesOnLists)
            {
                continue;
            }

            var (method, exprs) = AttributeIndex(table, column, options);
            var name = string.Create(CultureInfo.InvariantCulture, $"attr_{table.Position}_{position}_{table.Name}_{column.Name}");
            list.Add(new IndexDefinition(name, table, method, exprs, null, column));
        }

        return list;
    }

    private static void AppendTable(StringBuilder sb, Table table, DdlOptions options)
    {
        var lines = new List<string> { "vid                  bigint primary key" };
        lines.Add(table.Immutable ? "block$               int not null" : "block_range          int4range not null");
        lines.AddRange(table.Columns.Select(ColumnDdl));
        if (table.Immutable)
        {
            lines.Add("unique(id)");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\ncreate table {table.QualifiedName} (\n    {string.Join(",\n    ", lines)}\n);\n");
        if (!table.Immutable)
        {
            var name = $"{table.Name}_id_block_range_excl";
            sb.Append(options.VersionCheck switch
            {
                VersionCheck.ExclusionConstraint =>
                    $"alter table {table.QualifiedName}\n    add constraint {name} exclude using gist (id with =, block_range with &&);\n",
                VersionCheck.GistIndex => $"create index {name} on {table.QualifiedName} using gist (id, block_range);\n",
                _ => $"create unique index {table.Name}_id_open on {table.QualifiedName} using btree (id) where upper_inf(block_range);\n",
            });
        }
    }

    private static string ColumnDdl(Column column)
    {
        var sb = new StringBuilder();
        sb.Append(column.Quoted.PadRight(20)).Append(' ').Append(column.SqlType);
        if (column.IsList)
        {
            sb.Append("[]");
        }

        if (column.IsFulltext)
        {
            var config = FulltextConfig(column.Fulltext!.Language);
            var parts = column.FulltextFields.Select(f =>
                $"to_tsvector('{config}'::regconfig, coalesce({SqlName.Quote(SqlName.SnakeCase(f))}, ''))");
            sb.Append(" generated always as (").Append(string.Join(" || ", parts)).Append(") stored");
        }
        else if (!column.IsNullable)
        {
            sb.Append(" not null");
        }

        return sb.ToString();
    }

    /// <summary>graph-node's <c>columns_to_index</c>: no enum lists, no numeric lists, no id of an immutable table.</summary>
    private static IEnumerable<Column> ColumnsToIndex(Table table) =>
        table.Columns.Where(c => !(c.IsList && c.IsEnum)
            && !(table.Immutable && c.IsPrimaryKey)
            && !(c.IsList && c.Type is ColumnType.BigDecimal or ColumnType.BigInt or ColumnType.Int));

    private static (string Method, string[] Expressions) AttributeIndex(Table table, Column column, DdlOptions options)
    {
        if (column.IsReference && !column.IsList)
        {
            return table.Immutable ? ("btree", [column.Quoted, "block$"])
                : options.BtreeReferenceIndexes ? ("btree", [column.Quoted])
                : ("gist", [column.Quoted, "block_range"]);
        }

        if (column.UsePrefixComparison)
        {
            return column.Type == ColumnType.String
                ? ("btree", [$"left({column.Quoted}, 256)"])
                : ("btree", [$"substring({column.Quoted}, 1, 64)"]);
        }

        return column.IsList || column.IsFulltext ? ("gin", [column.Quoted]) : ("btree", [column.Quoted]);
    }

    /// <summary>The PostgreSQL text search configuration of a <c>@fulltext</c> language code.</summary>
    public static string FulltextConfig(string language) => language switch
    {
        "simple" => "simple",
        "da" => "danish",
        "nl" => "dutch",
        "en" => "english",
        "fi" => "finnish",
        "fr" => "french",
        "de" => "german",
        "hu" => "hungarian",
        "it" => "italian",
        "no" => "norwegian",
        "pt" => "portuguese",
        "ro" => "romanian",
        "ru" => "russian",
        "es" => "spanish",
        "sv" => "swedish",
        "tr" => "turkish",
        _ => throw new StoreException($"unknown fulltext language `{language}`"),
    };
}
