using System.Text.Json.Nodes;

namespace DePin.Index.Node.Admin;

/// <summary>JSON-RPC 2.0 response objects, shaped as graph-node's admin server writes them.</summary>
internal static class JsonRpcReply
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;

    /// <summary>Our server-defined code for a missing or wrong bearer token (the reserved -32000..-32099 range).</summary>
    public const int AuthFailure = -32001;

    /// <summary>graph-node's per-method error codes.</summary>
    public const int DeployError = 0;
    public const int RemoveError = 1;
    public const int CreateError = 2;
    public const int ReassignError = 3;

    public static JsonObject Success(JsonNode? id, JsonNode? result) => new()
    {
        ["jsonrpc"] = "2.0",
        ["result"] = result,
        ["id"] = id?.DeepClone(),
    };

    public static JsonObject Error(JsonNode? id, int code, string message) => new()
    {
        ["jsonrpc"] = "2.0",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        ["id"] = id?.DeepClone(),
    };
}
