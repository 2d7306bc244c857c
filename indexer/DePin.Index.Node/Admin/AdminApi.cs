using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node.Admin;

/// <summary>
/// graph-node's admin JSON-RPC on one route (<c>POST /</c>): <c>subgraph_create</c>, <c>subgraph_deploy</c>,
/// <c>subgraph_remove</c>, <c>subgraph_reassign</c>. Every answer is HTTP 200 with a JSON-RPC response, as graph-node
/// does; that includes a missing or wrong bearer token (<c>auth failure: …</c>, code -32001), so graph-cli shows the
/// message and its "You may need to authenticate first" hint instead of a bare HTTP status.
/// </summary>
internal sealed class AdminApi(SubgraphRegistrar registrar, NodeHostInfo info, NodeMetrics metrics, ILogger<AdminApi> logger)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public void Map(WebApplication app) => app.MapPost("/", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var reply = await ReplyAsync(context).ConfigureAwait(false);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<JsonObject> ReplyAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await ReadLimitedAsync(reader, context.RequestAborted).ConfigureAwait(false);
            if (text is null)
            {
                return JsonRpcReply.Error(null, JsonRpcReply.InvalidRequest, $"Invalid Request: the body is larger than {MaxBodyBytes} bytes");
            }

            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return JsonRpcReply.Error(null, JsonRpcReply.ParseError, "Parse error");
        }

        if (body is not JsonObject request)
        {
            return JsonRpcReply.Error(null, JsonRpcReply.InvalidRequest, "Invalid Request: expected one JSON-RPC request object (batches are not supported)");
        }

        request.TryGetPropertyValue("id", out var id);
        if (id is not null && id.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return JsonRpcReply.Error(null, JsonRpcReply.InvalidRequest, "Invalid Request: id must be a string, a number or null");
        }

        if (!request.TryGetPropertyValue("jsonrpc", out var version) || version?.GetValueKind() != JsonValueKind.String || version.GetValue<string>() != "2.0")
        {
            return JsonRpcReply.Error(id, JsonRpcReply.InvalidRequest, "Invalid Request: jsonrpc must be \"2.0\"");
        }

        if (!request.TryGetPropertyValue("method", out var methodNode) || methodNode?.GetValueKind() != JsonValueKind.String)
        {
            return JsonRpcReply.Error(id, JsonRpcReply.InvalidRequest, "Invalid Request: method must be a string");
        }

        var method = methodNode.GetValue<string>();
        if (Authenticate(context) is { } authProblem)
        {
            metrics.AdminRequests.WithLabels(method, "unauthorized").Inc();
            logger.LogWarning("Admin call {Method} from {Remote} refused: {Problem}", method, context.Connection.RemoteIpAddress, authProblem);
            return JsonRpcReply.Error(id, JsonRpcReply.AuthFailure, "auth failure: " + authProblem);
        }

        request.TryGetPropertyValue("params", out var parameters);
        if (parameters is not (null or JsonObject))
        {
            return JsonRpcReply.Error(id, JsonRpcReply.InvalidParams, "Invalid params: expected an object of named parameters");
        }

        var call = new AdminRequest(method, id, parameters as JsonObject ?? []);
        logger.LogInformation("JSON-RPC call {Method} {Params} from {Remote}", method, call.Parameters.ToJsonString(), context.Connection.RemoteIpAddress);
        var reply = await DispatchAsync(call, context.RequestAborted).ConfigureAwait(false);
        metrics.AdminRequests.WithLabels(method, reply.ContainsKey("error") ? "error" : "ok").Inc();
        return reply;
    }

    private async Task<JsonObject> DispatchAsync(AdminRequest call, CancellationToken cancellationToken)
    {
        var code = call.Method switch
        {
            "subgraph_create" => JsonRpcReply.CreateError,
            "subgraph_deploy" => JsonRpcReply.DeployError,
            "subgraph_remove" => JsonRpcReply.RemoveError,
            "subgraph_reassign" => JsonRpcReply.ReassignError,
            _ => (int?)null,
        };
        if (code is null)
        {
            return JsonRpcReply.Error(call.Id, JsonRpcReply.MethodNotFound, "Method not found");
        }

        try
        {
            return JsonRpcReply.Success(call.Id, await RunAsync(call, cancellationToken).ConfigureAwait(false));
        }
        catch (AdminParamsException e)
        {
            return JsonRpcReply.Error(call.Id, JsonRpcReply.InvalidParams, e.Message);
        }
        catch (RegistrarException e) when (e.Error == RegistrarError.InvalidParams)
        {
            return JsonRpcReply.Error(call.Id, JsonRpcReply.InvalidParams, "Invalid params: " + e.Message);
        }
        catch (RegistrarException e)
        {
            logger.LogWarning("{Method} failed: {Message}", call.Method, e.Message);
            return JsonRpcReply.Error(call.Id, code.Value, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Method} failed with an internal error", call.Method);
            return JsonRpcReply.Error(call.Id, code.Value, "internal error");
        }
    }

    private async Task<JsonNode?> RunAsync(AdminRequest call, CancellationToken cancellationToken)
    {
        switch (call.Method)
        {
            case "subgraph_create":
                var subgraphId = await registrar.CreateSubgraphAsync(call.Required("name"), cancellationToken).ConfigureAwait(false);
                return new JsonObject { ["id"] = subgraphId };
            case "subgraph_deploy":
                var name = call.Required("name");
                var hash = call.Required("ipfs_hash");
                var nodeId = call.Optional("node_id");
                var label = call.Optional("version_label");
                if (call.Optional("debug_fork") is not null)
                {
                    throw new AdminParamsException("Invalid params: debug_fork is not supported by this node");
                }

                await registrar.DeployAsync(name, hash, nodeId, label, cancellationToken).ConfigureAwait(false);
                var routes = SubgraphRoutes.For(name, info.HttpPort, info.WsPort, info.ExternalHttpBaseUrl);
                return new JsonObject { ["playground"] = routes.Playground, ["queries"] = routes.Queries, ["subscriptions"] = routes.Subscriptions };
            case "subgraph_remove":
                await registrar.RemoveSubgraphAsync(call.Required("name"), cancellationToken).ConfigureAwait(false);
                return null;
            default:
                await registrar.ReassignAsync(call.Required("ipfs_hash"), call.Required("node_id"), cancellationToken).ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>Null when the request may proceed; otherwise what is wrong with its credentials.</summary>
    private string? Authenticate(HttpContext context)
    {
        if (info.AdminToken is null)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return "missing bearer token (send Authorization: Bearer <token>; graph-cli: --access-token)";
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "the Authorization header must be 'Bearer <token>'";
        }

        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(info.AdminToken);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected)) ? null : "invalid bearer token";
    }

    private static async Task<string?> ReadLimitedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxBodyBytes ? null : new string(buffer, 0, total);
    }
}
