using System.Collections;
using DePin.Index.GraphQL.Internal.Schema;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// <c>where: T_filter</c> → a SQL condition on one table alias: every suffix of <see cref="FilterOp"/>, nested entity
/// filters <c>field_</c> (an <c>exists</c> on the child tables at the same block), <c>and</c>/<c>or</c> and
/// <c>_change_block</c>. Column names come from the layout (validated, quoted); values are parameters.
/// </summary>
internal static class FilterSql
{
    public static string Build(SqlBuilder sb, RelationalLayout layout, Table table, string alias, IDictionary<string, object?>? where, string path)
    {
        if (where is null || where.Count == 0)
        {
            return "true";
        }

        var parts = new List<string>(where.Count);
        foreach (var (key, value) in where)
        {
            parts.Add(Condition(sb, layout, table, alias, key, value, path));
        }

        return parts.Count == 1 ? parts[0] : "(" + string.Join(" and ", parts) + ")";
    }

    private static string Condition(SqlBuilder sb, RelationalLayout layout, Table table, string alias, string key, object? value, string path)
    {
        var what = path + "." + key;
        switch (key)
        {
            case "and":
            case "or":
                var items = AsList(value, what).Select((f, i) => Build(sb, layout, table, alias, AsFilter(f, what), $"{what}[{i}]")).ToList();
                return items.Count == 0 ? "true" : "(" + string.Join(key == "and" ? " and " : " or ", items) + ")";
            case "_change_block":
                var n = AsFilter(value, what) is { } d && d.TryGetValue("number_gte", out var v) && v is int number
                    ? number
                    : throw new QueryException($"`{what}`: expected {{ number_gte: Int! }}");
                return table.Immutable ? $"{alias}.\"block$\" >= {sb.Param(n)}" : $"lower({alias}.block_range) >= {sb.Param(n)}";
        }

        var type = table.EntityType;
        if (key.EndsWith('_') && type.TryGetField(key[..^1], out var nestedField)
            && nestedField.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface)
        {
            return Nested(sb, layout, table, alias, nestedField, AsFilter(value, what), what);
        }

        var (fieldName, op) = Parse(type, key) ?? throw new QueryException($"`{what}`: unknown filter field `{key}` for type `{type.Name}`");
        var column = table.ColumnForField(fieldName) ?? throw new QueryException($"`{what}`: field `{fieldName}` of `{type.Name}` can not be filtered with `{key}`");
        return Compare(sb, column, alias, op, value, what);
    }

    public static (string Field, FilterOp Op)? Parse(SchemaObjectType type, string key)
    {
        if (type.HasField(key))
        {
            return (key, FilterOp.Eq);
        }

        foreach (var (suffix, op) in FilterOps.BySuffixLength)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && type.HasField(key[..^suffix.Length]))
            {
                return (key[..^suffix.Length], op);
            }
        }

        return null;
    }

    private static string Compare(SqlBuilder sb, Column c, string alias, FilterOp op, object? value, string what)
    {
        var col = $"{alias}.{c.Quoted}" + (c.IsEnum ? (c.IsList ? "::text[]" : "::text") : "");
        if (value is null)
        {
            return op switch
            {
                FilterOp.Eq => $"{col} is null",
                FilterOp.Not => $"{col} is not null",
                _ => throw new QueryException($"`{what}`: null is only allowed for equality filters"),
            };
        }

        var elementType = c.IsEnum ? ColumnType.String : c.Type;
        if (c.IsList)
        {
            var list = AsList(value, what);
            var (arr, cast) = ValueCodec.EncodeList(elementType, list, what);
            var p = sb.Param(arr, cast);
            return op switch
            {
                FilterOp.Eq => $"{col} = {p}",
                FilterOp.Not => $"{col} <> {p}",
                FilterOp.Contains => $"{col} @> {p}",
                FilterOp.NotContains => $"not {col} @> {p}",
                FilterOp.ContainsNocase => $"not exists (select 1 from unnest({p}) v(x) where not exists (select 1 from unnest({col}) e(y) where lower(e.y) = lower(v.x)))",
                FilterOp.NotContainsNocase => $"exists (select 1 from unnest({p}) v(x) where not exists (select 1 from unnest({col}) e(y) where lower(e.y) = lower(v.x)))",
                _ => throw new QueryException($"`{what}`: not supported for list fields"),
            };
        }

        if (op is FilterOp.In or FilterOp.NotIn)
        {
            var (arr, cast) = ValueCodec.EncodeList(elementType, AsList(value, what), what);
            var p = sb.Param(arr, cast);
            return op == FilterOp.In ? $"{col} = any({p})" : $"not ({col} = any({p}))";
        }

        if (op is FilterOp.Eq or FilterOp.Not or FilterOp.Gt or FilterOp.Lt or FilterOp.Gte or FilterOp.Lte)
        {
            var (v, cast) = ValueCodec.Encode(elementType, value, what);
            var p = sb.Param(v, cast);
            var sqlOp = op switch
            {
                FilterOp.Eq => "=",
                FilterOp.Not => "<>",
                FilterOp.Gt => ">",
                FilterOp.Lt => "<",
                FilterOp.Gte => ">=",
                _ => "<=",
            };
            if (op == FilterOp.Eq && c.UsePrefixComparison)
            {
                // Uses graph-node's prefix index (left(col, 256) / substring(col, 1, 64)), then checks the whole value.
                var prefix = c.Type == ColumnType.String ? $"left({col}, 256) = left({p}, 256)" : $"substring({col}, 1, 64) = substring({p}, 1, 64)";
                return $"({prefix} and {col} = {p})";
            }

            return $"{col} {sqlOp} {p}";
        }

        if (elementType == ColumnType.Bytes)
        {
            var (bytes, _) = ValueCodec.Encode(ColumnType.Bytes, value, what);
            var p = sb.Param(bytes);
            return op switch
            {
                FilterOp.Contains or FilterOp.ContainsNocase => $"position({p} in {col}) > 0",
                FilterOp.NotContains or FilterOp.NotContainsNocase => $"position({p} in {col}) = 0",
                FilterOp.StartsWith or FilterOp.StartsWithNocase => $"position({p} in {col}) = 1",
                FilterOp.NotStartsWith or FilterOp.NotStartsWithNocase => $"position({p} in {col}) <> 1",
                FilterOp.EndsWith or FilterOp.EndsWithNocase => $"(length({col}) >= length({p}) and substring({col} from length({col}) - length({p}) + 1) = {p})",
                _ => $"not (length({col}) >= length({p}) and substring({col} from length({col}) - length({p}) + 1) = {p})",
            };
        }

        var text = value as string ?? throw new QueryException($"`{what}`: expected a string");
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var (pattern, like, negate) = op switch
        {
            FilterOp.Contains => ($"%{escaped}%", "like", false),
            FilterOp.ContainsNocase => ($"%{escaped}%", "ilike", false),
            FilterOp.NotContains => ($"%{escaped}%", "like", true),
            FilterOp.NotContainsNocase => ($"%{escaped}%", "ilike", true),
            FilterOp.StartsWith => ($"{escaped}%", "like", false),
            FilterOp.StartsWithNocase => ($"{escaped}%", "ilike", false),
            FilterOp.NotStartsWith => ($"{escaped}%", "like", true),
            FilterOp.NotStartsWithNocase => ($"{escaped}%", "ilike", true),
            FilterOp.EndsWith => ($"%{escaped}", "like", false),
            FilterOp.EndsWithNocase => ($"%{escaped}", "ilike", false),
            FilterOp.NotEndsWith => ($"%{escaped}", "like", true),
            _ => ($"%{escaped}", "ilike", true),
        };
        var cond = $"{col} {like} {sb.Param(pattern)}";
        return negate ? $"not ({cond})" : cond;
    }

    private static string Nested(SqlBuilder sb, RelationalLayout layout, Table table, string alias, SchemaField field, IDictionary<string, object?>? filter, string what)
    {
        var target = Targets.Of(layout, field.Type.BaseName);
        var parts = new List<string>();
        foreach (var child in target.Tables)
        {
            var x = sb.NewAlias();
            string link;
            if (field.IsDerived)
            {
                var back = child.ColumnForField(field.DerivedFrom!) ?? throw new QueryException($"`{what}`: `{child.EntityName}` has no stored field `{field.DerivedFrom}`");
                link = back.IsList ? $"{alias}.\"id\" = any({x}.{back.Quoted})" : $"{x}.{back.Quoted} = {alias}.\"id\"";
            }
            else
            {
                var stored = table.ColumnForField(field.Name)!;
                link = stored.IsList ? $"{x}.\"id\" = any({alias}.{stored.Quoted})" : $"{x}.\"id\" = {alias}.{stored.Quoted}";
            }

            var inner = Build(sb, layout, child, x, filter, what);
            parts.Add($"exists (select 1 from {child.QualifiedName} {x} where {link} and {BlockCondition(child, x)} and {inner})");
        }

        return parts.Count == 1 ? parts[0] : "(" + string.Join(" or ", parts) + ")";
    }

    public static string BlockCondition(Table t, string alias) =>
        t.Immutable ? $"{alias}.\"block$\" <= {SqlBuilder.Block}" : $"{alias}.block_range @> {SqlBuilder.Block}";

    private static List<object?> AsList(object? value, string what) => value switch
    {
        string => throw new QueryException($"`{what}`: expected a list"),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => throw new QueryException($"`{what}`: expected a list"),
    };

    private static IDictionary<string, object?>? AsFilter(object? value, string what) => value switch
    {
        null => null,
        IDictionary<string, object?> d => d,
        _ => throw new QueryException($"`{what}`: expected an input object"),
    };
}
