using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace DePin.Index.Ethereum.Eip712;

/// <summary>Reads the eth_signTypedData_v4 JSON object into <see cref="TypedData"/>.</summary>
internal static class TypedDataJson
{
    public static TypedData Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new Eip712Exception($"typed data is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new Eip712Exception("typed data must be a JSON object");
            var types = ReadTypes(Required(root, "types", JsonValueKind.Object));
            var primaryType = Required(root, "primaryType", JsonValueKind.String).GetString()!;
            var domain = (Dictionary<string, object?>)ToValue(Required(root, "domain", JsonValueKind.Object), "domain")!;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind != JsonValueKind.Null
                ? ToValue(m, primaryType) as Dictionary<string, object?> ?? throw new Eip712Exception("'message' must be a JSON object")
                : primaryType == TypedData.DomainTypeName ? new Dictionary<string, object?>() : throw new Eip712Exception("typed data has no 'message'");
            return new TypedData(types, primaryType, domain, message);
        }
    }

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out var element)) throw new Eip712Exception($"typed data has no '{name}'");
        if (element.ValueKind != kind) throw new Eip712Exception($"'{name}' must be a JSON {kind.ToString().ToLowerInvariant()}, got {element.ValueKind.ToString().ToLowerInvariant()}");
        return element;
    }

    private static Dictionary<string, IReadOnlyList<TypedDataField>> ReadTypes(JsonElement types)
    {
        var result = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var type in types.EnumerateObject())
        {
            if (result.ContainsKey(type.Name)) throw new Eip712Exception($"types: '{type.Name}' is defined twice");
            if (type.Value.ValueKind != JsonValueKind.Array) throw new Eip712Exception($"types.{type.Name} must be an array of {{name, type}}");
            var fields = new List<TypedDataField>();
            foreach (var field in type.Value.EnumerateArray())
            {
                if (field.ValueKind != JsonValueKind.Object
                    || !field.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !field.TryGetProperty("type", out var fieldType) || fieldType.ValueKind != JsonValueKind.String)
                {
                    throw new Eip712Exception($"types.{type.Name}: every member must be an object with string 'name' and 'type'");
                }
                fields.Add(new TypedDataField(name.GetString()!, fieldType.GetString()!));
            }
            result[type.Name] = fields;
        }
        return result;
    }

    /// <summary>Objects become dictionaries, arrays lists, numbers BigInteger (integers only), strings and booleans themselves.</summary>
    private static object? ToValue(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (members.ContainsKey(property.Name)) throw new Eip712Exception($"{path}: key '{property.Name}' appears twice");
                    members[property.Name] = ToValue(property.Value, $"{path}.{property.Name}");
                }
                return members;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((item, i) => ToValue(item, $"{path}[{i}]")).ToList();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                if (BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
                // 1e18 style: exact when the exponent removes every fractional digit.
                if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)) return new BigInteger(d);
                throw new Eip712Exception($"{path}: {raw} is not an integer");
            default:
                return null;
        }
    }
}
