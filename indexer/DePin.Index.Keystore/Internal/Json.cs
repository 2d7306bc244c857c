using System.Text.Json;
using System.Text.Json.Nodes;

namespace DePin.Index.Keystore.Internal;

/// <summary>Typed reads from a key file's JSON, each failure naming the field.</summary>
internal static class Json
{
    public static JsonObject Object(JsonObject parent, string name) =>
        Get(parent, name) as JsonObject ?? throw new KeystoreException($"'{name}' must be an object");

    public static string String(JsonObject parent, string name)
    {
        try
        {
            return Get(parent, name).GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new KeystoreException($"'{name}' must be a string", e);
        }
    }

    public static int Int(JsonObject parent, string name)
    {
        try
        {
            return Get(parent, name).GetValue<int>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new KeystoreException($"'{name}' must be an integer that fits 32 bits", e);
        }
    }

    public static byte[] Hex(JsonObject parent, string name)
    {
        var text = String(parent, name);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException e)
        {
            throw new KeystoreException($"'{name}' must be hex", e);
        }
    }

    /// <summary>A member, matched case-insensitively (some wallets write "Crypto").</summary>
    public static JsonNode Get(JsonObject parent, string name)
    {
        if (parent.TryGetPropertyValue(name, out var node) && node is not null) return node;
        foreach (var (key, value) in parent)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && value is not null) return value;
        }
        throw new KeystoreException($"missing '{name}'");
    }

    public static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new KeystoreException("a key file is a JSON object");
        }
        catch (JsonException e)
        {
            throw new KeystoreException($"a key file must be JSON: {e.Message}", e);
        }
    }
}
