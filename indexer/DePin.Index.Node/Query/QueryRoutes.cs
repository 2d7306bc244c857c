using System.Text.Json;
using System.Text.Json.Nodes;
using DePin.Index.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DePin.Index.Node.Query;

/// <summary>
/// The GraphQL HTTP routes of port 8000, as graph-node: <c>/subgraphs/name/{name}</c> (also <c>…/graphql</c>) and
/// <c>/subgraphs/id/{Qm…}</c>; POST with a JSON body <c>{query, variables, operationName}</c>, GET with the same as query
/// string parameters, and a query page (served from this node, no external scripts) when a browser asks for HTML.
/// An unknown name or deployment answers 404; a malformed request 400; every GraphQL answer 200 with
/// <c>{"data"}</c> and/or <c>{"errors":[{"message"}]}</c>. Without a query engine (no database) queries answer 501.
/// </summary>
internal sealed class QueryRoutes(IDeploymentRegistry registry, IGraphQLExecutor? executor)
{
    private readonly RegistryLookups _lookups = new(registry);

    public void Map(WebApplication app)
    {
        app.MapMethods("/subgraphs/name/{**name}", ["GET", "POST"], async (string name, HttpContext ctx) =>
        {
            var subgraph = name.EndsWith("/graphql", StringComparison.Ordinal) ? name[..^"/graphql".Length] : name;
            var deployment = await _lookups.ResolveNameAsync(subgraph, ctx.RequestAborted).ConfigureAwait(false);
            return deployment is null ? Error(StatusCodes.Status404NotFound, $"subgraph not found: {subgraph}") : await ServeAsync(deployment, ctx).ConfigureAwait(false);
        });
        app.MapMethods("/subgraphs/id/{id}", ["GET", "POST"], async (string id, HttpContext ctx) =>
            !await _lookups.DeploymentExistsAsync(id, ctx.RequestAborted).ConfigureAwait(false)
                ? Error(StatusCodes.Status404NotFound, $"deployment not found: {id}")
                : await ServeAsync(id, ctx).ConfigureAwait(false));
    }

    private async Task<IResult> ServeAsync(string deployment, HttpContext ctx)
    {
        var request = ctx.Request;
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && WantsHtml(request))
        {
            return Results.Content(QueryPage.Html, "text/html; charset=utf-8");
        }

        if (executor is null)
        {
            return Error(StatusCodes.Status501NotImplemented, $"GraphQL queries are not served by this node: it has no database for the query engine (deployment {deployment} is registered)");
        }

        GraphQLQuery query;
        try
        {
            query = HttpMethods.IsGet(request.Method) ? FromQueryString(request) : await FromBodyAsync(request, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (BadRequestException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        var result = await executor.ExecuteAsync(deployment, query, ctx.RequestAborted).ConfigureAwait(false);
        if (result.Block is { } block)
        {
            ctx.Response.Headers["X-Block-Number"] = block.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Bytes(result.Utf8Json, "application/json");
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static GraphQLQuery FromQueryString(HttpRequest request)
    {
        var q = request.Query;
        string? query = q["query"];
        if (string.IsNullOrEmpty(query))
        {
            throw new BadRequestException("GET needs a `query` parameter (or send Accept: text/html for the query page)");
        }

        return new GraphQLQuery(query, ParseVariables(q["variables"]), q["operationName"]);
    }

    private static JsonElement? ParseVariables(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"`variables` is not valid JSON: {e.Message}");
        }
    }

    private static async Task<GraphQLQuery> FromBodyAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, default, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"the request body is not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadRequestException("the request body must be a JSON object {\"query\": …, \"variables\": …, \"operationName\": …}");
            }

            if (!root.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String)
            {
                throw new BadRequestException("the request body has no `query` string");
            }

            JsonElement? vars = root.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null;
            if (vars is { ValueKind: JsonValueKind.String } s)
            {
                vars = ParseVariables(s.GetString());
            }

            string? op = root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            return new GraphQLQuery(q.GetString()!, vars, op);
        }
    }

    private static IResult Error(int status, string message) => Results.Content(
        new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) }.ToJsonString(),
        "application/json", System.Text.Encoding.UTF8, status);

    private sealed class BadRequestException(string message) : Exception(message);
}
