using System.Globalization;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;
using NpgsqlTypes;

namespace DePin.Index.Store.Internal;

/// <summary>
/// Entity ids as the API writes them (strings) and as the table stores them: text, bytea (from
/// <c>0x</c>-hex, prefix optional) or int8 (from decimal). <see cref="Canonical"/> is the string the store
/// hands back: Bytes ids as lower-case <c>0x</c>-hex, Int8 ids in decimal.
/// </summary>
internal static class IdCodec
{
    internal static NpgsqlDbType DbType(IdType type) => type switch
    {
        IdType.Bytes => NpgsqlDbType.Bytea,
        IdType.Int8 => NpgsqlDbType.Bigint,
        _ => NpgsqlDbType.Text,
    };

    internal static string SqlArrayType(IdType type) => type switch
    {
        IdType.Bytes => "bytea[]",
        IdType.Int8 => "int8[]",
        _ => "text[]",
    };

    internal static byte[] ParseBytes(string entityType, string id)
    {
        var hex = id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? id.AsSpan(2) : id.AsSpan();
        if (hex.Length % 2 != 0)
        {
            throw new StoreException($"{entityType} has Bytes ids; '{id}' is not an even number of hex digits");
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new StoreException($"{entityType} has Bytes ids; '{id}' is not hex");
        }
    }

    internal static long ParseInt8(string entityType, string id) =>
        long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new StoreException($"{entityType} has Int8 ids; '{id}' is not a 64-bit integer");

    /// <summary>The id as the value the table's id column holds (string, byte[] or long).</summary>
    internal static object ToDb(IdType type, string entityType, string id) => type switch
    {
        IdType.Bytes => ParseBytes(entityType, id),
        IdType.Int8 => ParseInt8(entityType, id),
        _ => id,
    };

    /// <summary>An array of ids for <c>= any($1)</c> parameters.</summary>
    internal static object ToDbArray(IdType type, string entityType, IReadOnlyList<string> ids) => type switch
    {
        IdType.Bytes => ids.Select(i => ParseBytes(entityType, i)).ToArray(),
        IdType.Int8 => ids.Select(i => ParseInt8(entityType, i)).ToArray(),
        _ => ids.ToArray(),
    };

    /// <summary>The id's entity value (the <c>id</c> field).</summary>
    internal static Value ToValue(IdType type, string entityType, string id) => type switch
    {
        IdType.Bytes => Value.FromBytes(ParseBytes(entityType, id)),
        IdType.Int8 => Value.FromInt8(ParseInt8(entityType, id)),
        _ => Value.FromString(id),
    };

    /// <summary>The canonical string of an id value.</summary>
    internal static string Canonical(Value id) => id.Kind switch
    {
        ValueKind.Bytes => "0x" + Convert.ToHexStringLower(id.AsBytes().Span),
        ValueKind.Int8 => id.AsInt8().ToString(CultureInfo.InvariantCulture),
        _ => id.AsString(),
    };

    /// <summary>The canonical form of an id string (so ids written with or without 0x, in any case, compare equal).</summary>
    internal static string Canonical(IdType type, string entityType, string id) => type switch
    {
        IdType.Bytes => "0x" + Convert.ToHexStringLower(ParseBytes(entityType, id)),
        IdType.Int8 => ParseInt8(entityType, id).ToString(CultureInfo.InvariantCulture),
        _ => id,
    };
}
