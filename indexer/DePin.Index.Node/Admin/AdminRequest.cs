using System.Text.Json;
using System.Text.Json.Nodes;

namespace DePin.Index.Node.Admin;

/// <summary>A parsed JSON-RPC request and typed access to its named parameters.</summary>
internal sealed class AdminRequest(string method, JsonNode? id, JsonObject parameters)
{
    public string Method { get; } = method;

    public JsonNode? Id { get; } = id;

    public JsonObject Parameters { get; } = parameters;

    /// <summary>A required string parameter.</summary>
    /// <exception cref="AdminParamsException">when missing or not a string.</exception>
    public string Required(string name) =>
        Optional(name) ?? throw new AdminParamsException($"Invalid params: missing field `{name}`");

    /// <summary>An optional string parameter (absent or null gives null).</summary>
    /// <exception cref="AdminParamsException">when present but not a string.</exception>
    public string? Optional(string name)
    {
        if (!Parameters.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new AdminParamsException($"Invalid params: `{name}` must be a string, not {node.GetValueKind().ToString().ToLowerInvariant()}");
    }
}
