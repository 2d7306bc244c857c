using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;
using Npgsql;
using NpgsqlTypes;

namespace DePin.Index.Store.Internal;

/// <summary>
/// Writes a table's new versions with one binary COPY: <c>vid</c>, <c>block_range</c> (or <c>block$</c>)
/// and the data columns. Values go out in the binary format of their column type; timestamps as
/// PostgreSQL's raw microseconds since 2000-01-01, BigDecimals as encoded by <see cref="NumericEncoding"/>.
/// </summary>
internal static class RowCopier
{
    /// <summary>Microseconds from the Unix epoch to PostgreSQL's epoch (2000-01-01).</summary>
    internal const long PostgresEpochMicros = 946_684_800_000_000L;

    internal static string CopyCommand(Table table, string target) =>
        $"copy {target} (vid, {(table.Immutable ? "block$" : "block_range")}, {string.Join(", ", table.DataColumns.Select(c => c.Quoted))}) from stdin (format binary)";

    internal static async Task CopyAsync(NpgsqlConnection conn, Table table, IReadOnlyList<VersionRow> rows, string target, CancellationToken cancellationToken)
    {
        await using var writer = await conn.BeginBinaryImportAsync(CopyCommand(table, target), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            ValueChecks.CheckFields(table, row);
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(row.Vid, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            if (table.Immutable)
            {
                await writer.WriteAsync(row.Start, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var range = row.End == int.MaxValue
                    ? new NpgsqlRange<int>(row.Start, true, false, 0, false, true)
                    : new NpgsqlRange<int>(row.Start, true, row.End, false);
                await writer.WriteAsync(range, NpgsqlDbType.IntegerRange, cancellationToken).ConfigureAwait(false);
            }

            foreach (var column in table.DataColumns)
            {
                if (column.IsPrimaryKey)
                {
                    await WriteIdAsync(writer, table, row.Id, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var value = ValueChecks.Get(table, column, row);
                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (column.IsList)
                {
                    await WriteListAsync(writer, column, value.AsArray(), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WriteScalarAsync(writer, column.Type, value, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteIdAsync(NpgsqlBinaryImporter writer, Table table, string id, CancellationToken ct) =>
        IdCodec.ToDb(table.IdType, table.EntityName, id) switch
        {
            byte[] b => writer.WriteAsync(b, NpgsqlDbType.Bytea, ct),
            long l => writer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
            var s => writer.WriteAsync((string)s, NpgsqlDbType.Text, ct),
        };

    private static Task WriteScalarAsync(NpgsqlBinaryImporter writer, ColumnType type, Value v, CancellationToken ct) => type switch
    {
        ColumnType.String or ColumnType.Enum => writer.WriteAsync(v.AsString(), NpgsqlDbType.Text, ct),
        ColumnType.Bytes => writer.WriteAsync(v.AsBytes(), NpgsqlDbType.Bytea, ct),
        ColumnType.Int => writer.WriteAsync(v.AsInt(), NpgsqlDbType.Integer, ct),
        ColumnType.Int8 => writer.WriteAsync(v.AsInt8(), NpgsqlDbType.Bigint, ct),
        ColumnType.BigInt => writer.WriteAsync(v.AsBigInt(), NpgsqlDbType.Numeric, ct),
        ColumnType.BigDecimal => writer.WriteAsync(NumericEncoding.Encode(v.AsBigDecimal()), NpgsqlDbType.Bytea, ct),
        ColumnType.Boolean => writer.WriteAsync(v.AsBool(), NpgsqlDbType.Boolean, ct),
        ColumnType.Timestamp => writer.WriteAsync(ToPostgresMicros(v.AsTimestamp()), NpgsqlDbType.TimestampTz, ct),
        _ => throw new InvalidOperationException($"column type {type} is not written"),
    };

    private static Task WriteListAsync(NpgsqlBinaryImporter writer, Column column, IReadOnlyList<Value> items, CancellationToken ct)
    {
        const NpgsqlDbType A = NpgsqlDbType.Array;
        return column.Type switch
        {
            ColumnType.String or ColumnType.Enum => writer.WriteAsync(Map(items, v => v.AsString()), A | NpgsqlDbType.Text, ct),
            ColumnType.Bytes => writer.WriteAsync(Map(items, v => v.AsBytes().ToArray()), A | NpgsqlDbType.Bytea, ct),
            ColumnType.Int => writer.WriteAsync(MapValue(items, v => v.AsInt()), A | NpgsqlDbType.Integer, ct),
            ColumnType.Int8 => writer.WriteAsync(MapValue(items, v => v.AsInt8()), A | NpgsqlDbType.Bigint, ct),
            ColumnType.BigInt => writer.WriteAsync(MapValue(items, v => v.AsBigInt()), A | NpgsqlDbType.Numeric, ct),
            ColumnType.BigDecimal => writer.WriteAsync(NumericEncoding.EncodeArray(MapValue(items, v => v.AsBigDecimal())), NpgsqlDbType.Bytea, ct),
            ColumnType.Boolean => writer.WriteAsync(MapValue(items, v => v.AsBool()), A | NpgsqlDbType.Boolean, ct),
            ColumnType.Timestamp => writer.WriteAsync(MapValue(items, v => ToPostgresMicros(v.AsTimestamp())), A | NpgsqlDbType.TimestampTz, ct),
            _ => throw new InvalidOperationException($"column type {column.Type} is not written"),
        };
    }

    private static long ToPostgresMicros(long unixMicros) => checked(unixMicros - PostgresEpochMicros);

    private static T?[] Map<T>(IReadOnlyList<Value> items, Func<Value, T> f)
        where T : class
    {
        var result = new T?[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items[i].IsNull ? null : f(items[i]);
        }

        return result;
    }

    private static T?[] MapValue<T>(IReadOnlyList<Value> items, Func<Value, T> f)
        where T : struct
    {
        var result = new T?[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items[i].IsNull ? null : f(items[i]);
        }

        return result;
    }
}
