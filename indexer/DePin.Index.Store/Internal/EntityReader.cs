using System.Numerics;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;
using Npgsql;

namespace DePin.Index.Store.Internal;

/// <summary>
/// Reads entity rows back into <see cref="Entity"/> values, exactly: numeric BigInts as
/// <see cref="BigInteger"/> (never through <c>decimal</c>), BigDecimals through their text, timestamps as
/// raw microseconds. Null columns are left out of the entity; derived fields are not loaded.
/// </summary>
internal static class EntityReader
{
    /// <summary>The select list of a table's data columns, in <see cref="Table.DataColumns"/> order.</summary>
    internal static string SelectList(Table table, string alias = "") =>
        string.Join(", ", table.DataColumns.Select(c => Expression(c, alias)));

    /// <summary>The SQL that restricts rows to the versions visible at a block (parameter <paramref name="param"/>).</summary>
    internal static string AtBlock(Table table, string param) =>
        table.Immutable ? $"block$ <= {param}" : $"block_range @> {param}";

    internal static Entity Read(NpgsqlDataReader reader, Table table, int offset = 0)
    {
        var columns = table.DataColumns;
        var entity = new Entity(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var ordinal = offset + i;
            if (reader.IsDBNull(ordinal))
            {
                continue;
            }

            var c = columns[i];
            entity.Set(c.Field, c.IsList ? ReadList(reader, ordinal, c.Type) : ReadScalar(reader, ordinal, c.Type));
        }

        return entity;
    }

    private static string Expression(Column c, string alias)
    {
        var name = alias + c.Quoted;
        return c.Type is ColumnType.Enum or ColumnType.BigDecimal ? $"{name}::text{(c.IsList ? "[]" : "")}" : name;
    }

    private static Value ReadScalar(NpgsqlDataReader r, int i, ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Enum => Value.FromString(r.GetString(i)),
        ColumnType.Bytes => Value.FromBytes(r.GetFieldValue<byte[]>(i)),
        ColumnType.Int => Value.FromInt(r.GetInt32(i)),
        ColumnType.Int8 => Value.FromInt8(r.GetInt64(i)),
        ColumnType.BigInt => Value.FromBigInt(r.GetFieldValue<BigInteger>(i)),
        ColumnType.BigDecimal => Value.FromBigDecimal(BigDecimal.Parse(r.GetString(i))),
        ColumnType.Boolean => Value.FromBool(r.GetBoolean(i)),
        ColumnType.Timestamp => Value.FromTimestamp(r.GetFieldValue<long>(i) + RowCopier.PostgresEpochMicros),
        _ => throw new InvalidOperationException($"column type {type} is not read"),
    };

    private static Value ReadList(NpgsqlDataReader r, int i, ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Enum => Wrap(r.GetFieldValue<string?[]>(i), s => Value.FromString(s)),
        ColumnType.Bytes => Wrap(r.GetFieldValue<byte[]?[]>(i), b => Value.FromBytes(b)),
        ColumnType.Int => WrapValue(r.GetFieldValue<int?[]>(i), Value.FromInt),
        ColumnType.Int8 => WrapValue(r.GetFieldValue<long?[]>(i), Value.FromInt8),
        ColumnType.BigInt => WrapValue(r.GetFieldValue<BigInteger?[]>(i), Value.FromBigInt),
        ColumnType.BigDecimal => Wrap(r.GetFieldValue<string?[]>(i), s => Value.FromBigDecimal(BigDecimal.Parse(s))),
        ColumnType.Boolean => WrapValue(r.GetFieldValue<bool?[]>(i), Value.FromBool),
        ColumnType.Timestamp => WrapValue(r.GetFieldValue<long?[]>(i), us => Value.FromTimestamp(us + RowCopier.PostgresEpochMicros)),
        _ => throw new InvalidOperationException($"column type {type} is not read"),
    };

    private static Value Wrap<T>(T?[] items, Func<T, Value> f)
        where T : class =>
        Value.FromArray(items.Select(x => x is null ? Value.Null : f(x)));

    private static Value WrapValue<T>(T?[] items, Func<T, Value> f)
        where T : struct =>
        Value.FromArray(items.Select(x => x is { } v ? f(v) : Value.Null));
}
