using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>Checks an entity against its table before it is written, with messages naming type, id, block and field.</summary>
internal static class ValueChecks
{
    /// <summary>Every field of the entity must be a stored field; <c>id</c>, when present, must equal the modification's id.</summary>
    internal static void CheckFields(Table table, in VersionRow row)
    {
        foreach (var (name, value) in row.Entity)
        {
            var column = table.ColumnForField(name);
            if (column is null)
            {
                var why = table.EntityType.TryGetField(name, out var f) && f.IsDerived
                    ? "is derived (@derivedFrom) and can not be set"
                    : "is not a field of the type";
                throw Error(table, row, name, why);
            }

            if (column.IsPrimaryKey && !value.IsNull)
            {
                var expected = IdCodec.ToValue(table.IdType, table.EntityName, row.Id);
                if (!value.Equals(expected))
                {
                    throw Error(table, row, name, $"is {value} ({value.Kind}) but the entity is written as '{row.Id}'");
                }
            }
        }
    }

    /// <summary>The value of a column (null when absent), checked for kind, nullability and enum membership.</summary>
    internal static Value? Get(Table table, Column column, in VersionRow row)
    {
        var value = row.Entity.Get(column.Field);
        if (value is null || value.IsNull)
        {
            if (!column.IsNullable && !column.IsPrimaryKey)
            {
                throw Error(table, row, column.Field, $"must not be null (type {column.SchemaField!.Type})");
            }

            return null;
        }

        var expected = column.SchemaField!.ValueKind;
        if (column.IsList)
        {
            if (value.Kind != ValueKind.Array)
            {
                throw Error(table, row, column.Field, $"is a list ({column.SchemaField.Type}) but the value is {value.Kind}");
            }

            foreach (var item in value.AsArray())
            {
                if (!item.IsNull)
                {
                    CheckScalar(table, column, row, item, expected);
                }
            }
        }
        else
        {
            CheckScalar(table, column, row, value, expected);
        }

        return value;
    }

    internal static StoreException Error(Table table, in VersionRow row, string field, string problem) =>
        new($"{table.EntityName} '{row.Id}' at block {row.Start}: field `{field}` {problem}");

    private static void CheckScalar(Table table, Column column, in VersionRow row, Value value, ValueKind expected)
    {
        if (value.Kind != expected)
        {
            throw Error(table, row, column.Field, $"has type {column.SchemaField!.Type} but the value {Short(value)} is {value.Kind}");
        }

        if (column.EnumType is { } enumType && !enumType.Contains(value.AsString()))
        {
            throw Error(table, row, column.Field, $"has enum type {enumType.Name}, which has no value `{value.AsString()}`");
        }
    }

    private static string Short(Value v)
    {
        var s = v.ToString();
        return s.Length <= 40 ? $"`{s}`" : $"`{s[..37]}...`";
    }
}
