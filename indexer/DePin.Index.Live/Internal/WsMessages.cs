using System.Text;
using System.Text.Json;
using DePin.Index.GraphQL;

namespace DePin.Index.Live.Internal;

/// <summary>The graphql-transport-ws protocol's messages and close codes (pure: parse what clients send, write what we send).</summary>
internal static class WsMessages
{
    public const string Protocol = "graphql-transport-ws";

    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int SubprotocolNotAcceptable = 4406;
    public const int InitTimeout = 4408;
    public const int SubscriberExists = 4409;
    public const int TooManyInits = 4429;
    public const int MessageTooBig = 1009;

    /// <summary>A client message: its type, id and payload; or a reason it is invalid.</summary>
    public sealed record Incoming(string Type, string? Id, JsonElement? Payload);

    public static Incoming? TryParse(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            {
                error = "Invalid message received: a message is a JSON object with a string 'type'";
                return null;
            }

            string? id = null;
            if (root.TryGetProperty("id", out var i))
            {
                if (i.ValueKind != JsonValueKind.String)
                {
                    error = "Invalid message received: 'id' must be a string";
                    return null;
                }

                id = i.GetString();
            }

            JsonElement? payload = root.TryGetProperty("payload", out var p) ? p.Clone() : null;
            return new Incoming(t.GetString()!, id, payload);
        }
        catch (JsonException)
        {
            error = "Invalid message received: not JSON";
            return null;
        }
    }

    /// <summary>A subscribe payload's request, or an error message.</summary>
    public static GraphQLQuery? TryRequest(JsonElement? payload, out string? error)
    {
        error = null;
        if (payload is not { ValueKind: JsonValueKind.Object } p)
        {
            error = "subscribe needs a payload object with a 'query'";
            return null;
        }

        if (!p.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
        {
            error = "subscribe needs a payload with a non-empty string 'query'";
            return null;
        }

        JsonElement? variables = null;
        if (p.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                error = "'variables' must be a JSON object";
                return null;
            }

            variables = v.Clone();
        }

        string? operationName = null;
        if (p.TryGetProperty("operationName", out var o) && o.ValueKind != JsonValueKind.Null)
        {
            if (o.ValueKind != JsonValueKind.String)
            {
                error = "'operationName' must be a string";
                return null;
            }

            operationName = o.GetString();
        }

        return new GraphQLQuery(q.GetString()!, variables, operationName);
    }

    public static byte[] Simple(string type) => Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\"}}");

    public static byte[] Complete(string id) => Encoding.UTF8.GetBytes($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"complete\"}}");

    /// <summary><c>next</c> with a whole execution result (<c>{"data":…,"errors":…}</c>) as payload.</summary>
    public static byte[] Next(string id, byte[] resultJson)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":");
        var bytes = new byte[head.Length + resultJson.Length + 1];
        head.CopyTo(bytes, 0);
        resultJson.CopyTo(bytes, head.Length);
        bytes[^1] = (byte)'}';
        return bytes;
    }

    /// <summary><c>error</c> with one GraphQL error.</summary>
    public static byte[] Error(string id, string message) =>
        Encoding.UTF8.GetBytes($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":[{{\"message\":{JsonSerializer.Serialize(message)}}}]}}");

    /// <summary><c>error</c> carrying the <c>errors</c> list of an execution result.</summary>
    public static byte[] Errors(string id, JsonElement errors) =>
        Encoding.UTF8.GetBytes($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":{errors.GetRawText()}}}");

    /// <summary>
    /// A result refused as a whole (no <c>data</c>: validation, limits) — sent as <c>error</c>, per the protocol — gives its
    /// <c>errors</c>; a result with data (even with field errors) gives null and goes out as <c>next</c>.
    /// </summary>
    public static JsonElement? RequestErrors(byte[] resultJson)
    {
        using var doc = JsonDocument.Parse(resultJson);
        var root = doc.RootElement;
        var hasData = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null;
        return !hasData && root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array ? e.Clone() : null;
    }
}
