using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>
/// A lossless JSON form of an entity (for a data source's context, kept in a jsonb column):
/// <c>{"field": {"kind": "BigInt", "value": "123"}, …}</c>. Strings, bytes (<c>0x</c>-hex), big numbers,
/// Int8 and timestamps are JSON strings; Int is a number, Bool a boolean, Null null, Array a JSON array
/// of such objects.
/// </summary>
internal static class EntityJson
{
    internal static string Serialize(Entity entity)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                w.WritePropertyName(name);
                WriteValue(w, value);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static Entity Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var entity = new Entity();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            entity.Set(p.Name, ReadValue(p.Value));
        }

        return entity;
    }

    private static void WriteValue(Utf8JsonWriter w, Value v)
    {
        w.WriteStartObject();
        w.WriteString("kind", v.Kind.ToString());
        w.WritePropertyName("value");
        switch (v.Kind)
        {
            case ValueKind.Null:
                w.WriteNullValue();
                break;
            case ValueKind.Int:
                w.WriteNumberValue(v.AsInt());
                break;
            case ValueKind.Bool:
                w.WriteBooleanValue(v.AsBool());
                break;
            case ValueKind.Array:
                w.WriteStartArray();
                foreach (var item in v.AsArray())
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(v.ToString());
                break;
        }

        w.WriteEndObject();
    }

    private static Value ReadValue(JsonElement e)
    {
        var kind = Enum.Parse<ValueKind>(e.GetProperty("kind").GetString()!);
        var v = e.GetProperty("value");
        return kind switch
        {
            ValueKind.Null => Value.Null,
            ValueKind.Int => Value.FromInt(v.GetInt32()),
            ValueKind.Bool => Value.FromBool(v.GetBoolean()),
            ValueKind.Array => Value.FromArray(v.EnumerateArray().Select(ReadValue).ToArray()),
            ValueKind.String => Value.FromString(v.GetString()!),
            ValueKind.Bytes => Value.FromBytes(Convert.FromHexString(v.GetString()!.AsSpan(2))),
            ValueKind.BigInt => Value.FromBigInt(BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            ValueKind.BigDecimal => Value.FromBigDecimal(BigDecimal.Parse(v.GetString()!)),
            ValueKind.Int8 => Value.FromInt8(long.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            ValueKind.Timestamp => Value.FromTimestamp(long.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
            _ => throw new StoreException($"unknown value kind {kind} in a stored context"),
        };
    }
}
