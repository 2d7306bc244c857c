using System.Net.WebSockets;
using System.Text.Json.Nodes;
using DePin.Index.GraphQL;
using DePin.Index.Live.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DePin.Index.Live;

/// <summary>
/// GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol) on <c>/subgraphs/name/{name}</c> and
/// <c>/subgraphs/id/{id}</c>, as graph-node served them on port 8001. The subscription type mirrors the query type: a
/// <c>subscription { … }</c> is run as the same query at each block notice that touches the entity types it read, and pushed when
/// its result changed. Map it on the WebSocket port's app: <c>endpoint.Map(app)</c>.
/// </summary>
public sealed class SubscriptionEndpoint
{
    private readonly IGraphQLExecutor _executor;
    private readonly LiveHub _hub;
    private readonly Func<string, CancellationToken, Task<string?>> _resolveName;
    private readonly Func<string, CancellationToken, Task<bool>> _deploymentExists;
    private readonly LiveOptions _options;
    private readonly LiveMetrics _metrics;
    private readonly ILogger _logger;

    /// <param name="executor">Runs the queries (the caching executor in a node with Redis).</param>
    /// <param name="hub">The block notices of this process.</param>
    /// <param name="resolveName">Subgraph name → current deployment id (null when unknown).</param>
    /// <param name="deploymentExists">Whether a deployment id is known.</param>
    public SubscriptionEndpoint(IGraphQLExecutor executor, LiveHub hub, Func<string, CancellationToken, Task<string?>> resolveName,
        Func<string, CancellationToken, Task<bool>> deploymentExists, LiveOptions options, LiveMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(resolveName);
        ArgumentNullException.ThrowIfNull(deploymentExists);
        ArgumentNullException.ThrowIfNull(options);
        _executor = executor;
        _hub = hub;
        _resolveName = resolveName;
        _deploymentExists = deploymentExists;
        _options = options.Validated();
        _metrics = metrics ?? new LiveMetrics();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Adds the WebSocket middleware and the two routes to <paramref name="app"/>.</summary>
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map("/subgraphs/name/{**name}", async (string name, HttpContext ctx) =>
        {
            var subgraph = name.EndsWith("/graphql", StringComparison.Ordinal) ? name[..^"/graphql".Length] : name;
            var deployment = await _resolveName(subgraph, ctx.RequestAborted).ConfigureAwait(false);
            await ServeAsync(ctx, deployment, $"subgraph not found: {subgraph}").ConfigureAwait(false);
        });
        app.Map("/subgraphs/id/{id}", async (string id, HttpContext ctx) =>
        {
            var known = await _deploymentExists(id, ctx.RequestAborted).ConfigureAwait(false);
            await ServeAsync(ctx, known ? id : null, $"deployment not found: {id}").ConfigureAwait(false);
        });
    }

    private async Task ServeAsync(HttpContext ctx, string? deploymentId, string notFound)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            await ErrorAsync(ctx, StatusCodes.Status400BadRequest,
                "this port serves GraphQL subscriptions over WebSocket (graphql-transport-ws); send queries over HTTP to the GraphQL port").ConfigureAwait(false);
            return;
        }

        if (deploymentId is null)
        {
            await ErrorAsync(ctx, StatusCodes.Status404NotFound, notFound).ConfigureAwait(false);
            return;
        }

        if (_metrics.Connections >= _options.MaxConnections)
        {
            await ErrorAsync(ctx, StatusCodes.Status503ServiceUnavailable, $"too many WebSocket connections (at most {_options.MaxConnections})").ConfigureAwait(false);
            return;
        }

        var offersProtocol = ctx.WebSockets.WebSocketRequestedProtocols.Contains(WsMessages.Protocol, StringComparer.Ordinal);
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync(offersProtocol ? WsMessages.Protocol : null).ConfigureAwait(false);
        if (!offersProtocol)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)WsMessages.SubprotocolNotAcceptable, "Subprotocol not acceptable: use graphql-transport-ws",
                ctx.RequestAborted).ConfigureAwait(false);
            return;
        }

        _metrics.ConnectionOpened();
        try
        {
            await new GraphQLWsConnection(socket, deploymentId, _executor, _hub, _options, _metrics, _logger).RunAsync(ctx.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _metrics.ConnectionClosed();
        }
    }

    private static Task ErrorAsync(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) }.ToJsonString());
    }
}
