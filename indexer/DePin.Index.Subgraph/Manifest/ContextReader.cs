using System.Globalization;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// Reads a data source's <c>context</c>: <c>{ key: { type: String|Int|Int8|BigInt|BigDecimal|Bool|Bytes|Timestamp|List|Null, data: … } }</c>
/// (graph-node's serde form of <c>Value</c>), into an <see cref="Entity"/>.
/// </summary>
internal static class ContextReader
{
    public static Entity Read(ManifestNode node)
    {
        var entity = new Entity();
        foreach (var (key, value) in node.Entries())
        {
            entity.Set(key, ReadValue(value));
        }

        return entity;
    }

    private static Value ReadValue(ManifestNode node)
    {
        node.AllowOnly("type", "data");
        var typeNode = node.Required("type");
        var type = typeNode.AsName();
        if (type == "Null")
        {
            return Value.Null;
        }

        var data = node.Required("data");
        try
        {
            return type switch
            {
                "String" => Value.FromString(data.AsString()),
                "Int" => Value.FromInt((int)data.AsInteger(int.MinValue, int.MaxValue)),
                "Int8" => Value.FromInt8(data.AsInteger(long.MinValue, long.MaxValue)),
                "Timestamp" => Value.FromTimestamp(data.AsInteger(long.MinValue, long.MaxValue)),
                "Bool" => Value.FromBool(data.AsBool()),
                "BigInt" => Value.FromBigInt(BigInteger.Parse(data.AsName(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
                "BigDecimal" => Value.FromBigDecimal(BigDecimal.Parse(data.AsName())),
                "Bytes" => Value.FromBytes(Hex.Decode(data.AsName())),
                "List" => Value.FromArray(data.Items().Select(ReadValue)),
                _ => throw typeNode.Error($"unknown context value type '{type}' (expected String, Int, Int8, BigInt, BigDecimal, Bool, Bytes, Timestamp, List or Null)"),
            };
        }
        catch (FormatException e)
        {
            throw data.Error($"not a valid {type}: {e.Message}");
        }
    }
}
