using System.Text.Json;

namespace DePin.Index.Live.Internal;

/// <summary>
/// The wire form of a <see cref="BlockNotice"/> on Redis: one small JSON object,
/// <c>{"deployment":"Qm…","number":12,"hash":"0x…","types":["Device"],"revert":false,"publishedAt":1764…}</c>.
/// </summary>
internal static class NoticeCodec
{
    public static string Encode(BlockNotice n)
    {
        using var buffer = new MemoryStream(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("deployment", n.DeploymentId);
            w.WriteNumber("number", n.BlockNumber);
            w.WriteString("hash", n.BlockHash);
            w.WriteStartArray("types");
            foreach (var t in n.EntityTypes)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteBoolean("revert", n.Revert);
            w.WriteNumber("publishedAt", n.PublishedAtMicros);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The notice, or an error message naming what is wrong with <paramref name="json"/>.</summary>
    public static BlockNotice? TryDecode(string json, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a block notice must be a JSON object";
                return null;
            }

            if (!root.TryGetProperty("deployment", out var d) || d.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(d.GetString()))
            {
                error = "a block notice needs a non-empty string 'deployment'";
                return null;
            }

            if (!root.TryGetProperty("number", out var num) || num.ValueKind != JsonValueKind.Number || !num.TryGetInt64(out var number) || number < 0)
            {
                error = "a block notice needs a non-negative integer 'number'";
                return null;
            }

            var hash = root.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "";
            var types = new List<string>();
            if (root.TryGetProperty("types", out var ts) && ts.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in ts.EnumerateArray())
                {
                    if (t.ValueKind == JsonValueKind.String)
                    {
                        types.Add(t.GetString()!);
                    }
                }
            }

            return new BlockNotice(d.GetString()!, number, hash, types)
            {
                Revert = root.TryGetProperty("revert", out var r) && r.ValueKind == JsonValueKind.True,
                PublishedAtMicros = root.TryGetProperty("publishedAt", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var at) ? at : 0,
            };
        }
        catch (JsonException e)
        {
            error = $"a block notice is not JSON: {e.Message}";
            return null;
        }
    }
}
