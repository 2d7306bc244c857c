using System.Globalization;
using System.Numerics;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// Values between PostgreSQL and The Graph's JSON: how a column is selected (<see cref="ReadSql"/>), how its value is
/// written to the response (<see cref="Decode"/>: BigInt/BigDecimal/Int8/Timestamp as strings, Bytes as lowercase
/// 0x-hex) and how a filter value becomes a typed parameter (<see cref="Encode"/>), refusing malformed input.
/// </summary>
internal static class ValueCodec
{
    /// <summary>Microseconds from the Unix epoch to PostgreSQL's (2000-01-01): timestamptz values are read raw.</summary>
    public const long PostgresEpochMicros = 946_684_800_000_000;

    /// <summary>The select expression of a column of table alias <paramref name="alias"/>.</summary>
    public static string ReadSql(Column c, string alias)
    {
        var name = $"{alias}.{c.Quoted}";
        return c.Type is ColumnType.Enum or ColumnType.BigInt or ColumnType.BigDecimal ? $"{name}::text{(c.IsList ? "[]" : "")}" : name;
    }

    /// <summary>A typed null with the type <see cref="ReadSql"/> produces (for union branches of other types).</summary>
    public static string NullSql(Column c) =>
        "null::" + (c.Type is ColumnType.Enum or ColumnType.BigInt or ColumnType.BigDecimal ? "text" : c.SqlType) + (c.IsList ? "[]" : "");

    public static object? Decode(NpgsqlDataReader r, int i, Column c)
    {
        if (r.IsDBNull(i))
        {
            return null;
        }

        if (c.IsList)
        {
            return c.Type switch
            {
                ColumnType.Bytes => r.GetFieldValue<byte[]?[]>(i).Select(b => (object?)(b is null ? null : Hex(b))).ToList(),
                ColumnType.Int => r.GetFieldValue<int?[]>(i).Select(v => (object?)v).ToList(),
                ColumnType.Int8 => r.GetFieldValue<long?[]>(i).Select(v => (object?)v?.ToString(CultureInfo.InvariantCulture)).ToList(),
                ColumnType.Boolean => r.GetFieldValue<bool?[]>(i).Select(v => (object?)v).ToList(),
                ColumnType.Timestamp => r.GetFieldValue<long?[]>(i).Select(v => (object?)(v is null ? null : Timestamp(v.Value))).ToList(),
                ColumnType.BigDecimal => r.GetFieldValue<string?[]>(i).Select(v => (object?)(v is null ? null : NormalizeDecimal(v))).ToList(),
                _ => r.GetFieldValue<string?[]>(i).Select(v => (object?)v).ToList(),
            };
        }

        return c.Type switch
        {
            ColumnType.Bytes => Hex(r.GetFieldValue<byte[]>(i)),
            ColumnType.Int => r.GetInt32(i),
            ColumnType.Int8 => r.GetInt64(i).ToString(CultureInfo.InvariantCulture),
            ColumnType.Boolean => r.GetBoolean(i),
            ColumnType.Timestamp => Timestamp(r.GetFieldValue<long>(i)),
            ColumnType.BigDecimal => NormalizeDecimal(r.GetString(i)),
            _ => r.GetString(i),
        };
    }

    /// <summary>The raw value of an id or reference column (string, byte[], long; arrays of them for lists).</summary>
    public static object? Raw(NpgsqlDataReader r, int i, Column c)
    {
        if (r.IsDBNull(i))
        {
            return null;
        }

        return (c.Type, c.IsList) switch
        {
            (ColumnType.Bytes, false) => r.GetFieldValue<byte[]>(i),
            (ColumnType.Int8, false) => r.GetInt64(i),
            (_, false) => r.GetString(i),
            (ColumnType.Bytes, true) => r.GetFieldValue<byte[][]>(i),
            (ColumnType.Int8, true) => r.GetFieldValue<long[]>(i),
            _ => r.GetFieldValue<string[]>(i),
        };
    }

    /// <summary>A dictionary key for a raw id value.</summary>
    public static string Key(object raw) => raw switch
    {
        byte[] b => Convert.ToHexStringLower(b),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => (string)raw,
    };

    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static string Timestamp(long pgMicros) => (pgMicros + PostgresEpochMicros).ToString(CultureInfo.InvariantCulture);

    private static string NormalizeDecimal(string text) =>
        BigDecimal.TryParse(text, out var d) ? d.ToString() : text;

    /// <summary>A 0x-hex string as bytes; a <see cref="QueryException"/> naming <paramref name="what"/> otherwise.</summary>
    public static byte[] ParseBytes(string text, string what)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length % 2 == 1)
        {
            hex = "0" + hex;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new QueryException($"`{what}`: {Show(text)} is not a valid hex string for Bytes");
        }
    }

    /// <summary>
    /// A filter value as a parameter for a column of type <paramref name="type"/>, and the cast the SQL must put on it.
    /// </summary>
    public static (object Value, string Cast) Encode(ColumnType type, object value, string what)
    {
        switch (type)
        {
            case ColumnType.Bytes:
                return (ParseBytes(AsString(value, what), what), "");
            case ColumnType.Int:
                return (value is int i ? i : throw Invalid(value, what, "an Int"), "");
            case ColumnType.Int8:
                return (long.TryParse(AsString(value, what), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : throw Invalid(value, what, "an Int8"), "");
            case ColumnType.BigInt:
                var s = AsString(value, what);
                return (BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? s : throw Invalid(value, what, "a BigInt"), "::numeric");
            case ColumnType.BigDecimal:
                var d = AsString(value, what);
                return (BigDecimal.TryParse(d, out _) ? d : throw Invalid(value, what, "a BigDecimal"), "::numeric");
            case ColumnType.Boolean:
                return (value is bool b ? b : throw Invalid(value, what, "a Boolean"), "");
            case ColumnType.Timestamp:
                var us = long.TryParse(AsString(value, what), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var t) ? t : throw Invalid(value, what, "a Timestamp (microseconds)");
                return (ToDateTime(us, value, what), "");
            default:
                return (AsString(value, what), "");
        }
    }

    /// <summary>A list of filter values as one array parameter, and the cast of the array.</summary>
    public static (object Value, string Cast) EncodeList(ColumnType type, IEnumerable<object?> values, string what)
    {
        var items = values.Select(v => v is null ? throw new QueryException($"`{what}`: null is not allowed in the list") : Encode(type, v, what).Value).ToList();
        return type switch
        {
            ColumnType.Bytes => (items.Cast<byte[]>().ToArray(), ""),
            ColumnType.Int => (items.Cast<int>().ToArray(), ""),
            ColumnType.Int8 => (items.Cast<long>().ToArray(), ""),
            ColumnType.Boolean => (items.Cast<bool>().ToArray(), ""),
            ColumnType.BigInt or ColumnType.BigDecimal => (items.Cast<string>().ToArray(), "::numeric[]"),
            ColumnType.Timestamp => (items.Cast<DateTime>().ToArray(), ""),
            _ => (items.Cast<string>().ToArray(), ""),
        };
    }

    private static DateTime ToDateTime(long micros, object value, string what)
    {
        try
        {
            return DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(checked(micros * 10)), DateTimeKind.Utc);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw Invalid(value, what, "a Timestamp within years 1–9999");
        }
    }

    private static string AsString(object value, string what) => value switch
    {
        string s => s,
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw Invalid(value, what, "a string"),
    };

    private static QueryException Invalid(object value, string what, string expected) =>
        new($"`{what}`: {Show(value)} is not {expected}");

    private static string Show(object value)
    {
        var s = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
        return s.Length > 80 ? $"\"{s[..80]}…\"" : $"\"{s}\"";
    }
}
