using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DePin.Index.Node.Status;

/// <summary>
/// The indexing status API (port 8030) as JSON, shaped like graph-node's index-node <c>indexingStatuses</c>
/// (numbers as strings, health in lower case):
/// <c>GET /status</c> → <c>{"indexingStatuses": [...]}</c> (every deployment, or <c>?node=ID</c>'s),
/// <c>GET /status/{deployment}</c> → one status or 404,
/// <c>GET /status/{deployment}/poi/{block}?hash=0x…&amp;indexer=0x…</c> → <c>{"deployment","block","proofOfIndexing"}</c>.
/// <c>POST /graphql</c> serves graph-node's index-node GraphQL API (<see cref="StatusGraphQL"/>).
/// </summary>
internal sealed class StatusApi(IDeploymentRegistry registry, IIndexingStatusSource source)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/status", async (HttpContext ctx) =>
        {
            var node = ctx.Request.Query["node"].ToString();
            var deployments = await registry.ListDeploymentsAsync(node.Length == 0 ? null : node, ctx.RequestAborted).ConfigureAwait(false);
            var list = new JsonArray();
            foreach (var d in deployments)
            {
                list.Add(await StatusAsync(d, ctx.RequestAborted).ConfigureAwait(false));
            }

            return Json(new JsonObject { ["indexingStatuses"] = list });
        });
        app.MapGet("/status/{deployment}", async (string deployment, HttpContext ctx) =>
            await registry.FindDeploymentAsync(deployment, ctx.RequestAborted).ConfigureAwait(false) is { } d
                ? Json(await StatusAsync(d, ctx.RequestAborted).ConfigureAwait(false))
                : NotFound(deployment));
        app.MapGet("/status/{deployment}/poi/{block}", PoiAsync);
        var graphql = new StatusGraphQL(registry, source);
        app.MapPost("/graphql", graphql.HandleAsync);
    }

    private async Task<IResult> PoiAsync(string deployment, string block, HttpContext ctx)
    {
        if (!long.TryParse(block, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Error(StatusCodes.Status400BadRequest, $"block must be a block number, not '{block}'");
        }

        var hash = ctx.Request.Query["hash"].ToString();
        if (hash.Length > 0 && !IsHex(hash, 32))
        {
            return Error(StatusCodes.Status400BadRequest, $"hash must be a 0x-prefixed 32-byte hex block hash, not '{hash}'");
        }

        var indexerText = ctx.Request.Query["indexer"].ToString();
        if (indexerText.Length > 0 && !IsHex(indexerText, 20))
        {
            return Error(StatusCodes.Status400BadRequest, $"indexer must be a 0x-prefixed 20-byte address, not '{indexerText}'");
        }

        if (await registry.FindDeploymentAsync(deployment, ctx.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound(deployment);
        }

        var indexer = indexerText.Length == 0 ? null : Convert.FromHexString(indexerText.AsSpan(2));
        var poi = await source.GetProofOfIndexingAsync(deployment, number, hash.Length == 0 ? null : hash, indexer, ctx.RequestAborted)
            .ConfigureAwait(false);
        return Json(new JsonObject
        {
            ["deployment"] = deployment,
            ["block"] = new JsonObject { ["number"] = Str(number), ["hash"] = hash.Length == 0 ? null : hash },
            ["indexer"] = indexerText.Length == 0 ? null : indexerText,
            ["proofOfIndexing"] = poi is null ? null : "0x" + Convert.ToHexStringLower(poi),
        });
    }

    private async Task<JsonObject> StatusAsync(DeploymentRecord d, CancellationToken cancellationToken)
    {
        var p = await source.GetProgressAsync(d.Id, cancellationToken).ConfigureAwait(false) ?? new IndexingProgress();
        return new JsonObject
        {
            ["subgraph"] = d.Id,
            ["names"] = new JsonArray([.. d.Names.Select(n => (JsonNode?)n)]),
            ["node"] = d.NodeId,
            ["synced"] = p.Synced,
            ["health"] = p.Health.ToString().ToLowerInvariant(),
            ["entityCount"] = Str(p.EntityCount),
            ["fatalError"] = Error(p.FatalError),
            ["nonFatalErrors"] = new JsonArray([.. p.NonFatalErrors.Select(e => (JsonNode?)Error(e))]),
            ["chains"] = new JsonArray(new JsonObject
            {
                ["network"] = d.Network,
                ["chainHeadBlock"] = Block(p.ChainHead),
                ["earliestBlock"] = p.EarliestBlock is { } earliest ? new JsonObject { ["number"] = Str(earliest) } : null,
                ["latestBlock"] = Block(p.LatestBlock),
                ["lastHealthyBlock"] = Block(p.LastHealthyBlock),
            }),
        };
    }

    private static JsonObject? Error(IndexingError? e) => e is null ? null : new JsonObject
    {
        ["message"] = e.Message,
        ["block"] = Block(e.Block),
        ["handler"] = e.Handler,
        ["deterministic"] = e.Deterministic,
    };

    private static JsonObject? Block(StatusBlock? b) => b is null ? null : new JsonObject { ["number"] = Str(b.Number), ["hash"] = b.Hash };

    private static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool IsHex(string text, int bytes) =>
        text.Length == 2 + (2 * bytes) && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Skip(2).All(char.IsAsciiHexDigit);

    private static IResult NotFound(string deployment) => Error(StatusCodes.Status404NotFound, $"deployment not found: {deployment}");

    private static IResult Error(int status, string message) => Json(new JsonObject { ["error"] = message }, status);

    private static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}
