using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DePin.Index.Node.Query;

/// <summary>
/// The GraphQL HTTP routes of port 8000, reserved until the query engine is wired in: <c>/subgraphs/name/{name}</c>
/// (and <c>…/graphql</c>, the playground) and <c>/subgraphs/id/{id}</c>, GET and POST. An unknown name or deployment
/// answers 404; a known one 501 — queries are not served yet. Errors use GraphQL's <c>{"errors":[{"message"}]}</c> shape.
/// </summary>
internal sealed class QueryRoutes(IDeploymentRegistry registry)
{
    public void Map(WebApplication app)
    {
        app.MapMethods("/subgraphs/name/{**name}", ["GET", "POST"], async (string name, HttpContext ctx) =>
        {
            var subgraph = name.EndsWith("/graphql", StringComparison.Ordinal) ? name[..^"/graphql".Length] : name;
            var deployment = await registry.ResolveNameAsync(subgraph, ctx.RequestAborted).ConfigureAwait(false);
            return deployment is null ? Error(StatusCodes.Status404NotFound, $"subgraph not found: {subgraph}") : NotYet(deployment);
        });
        app.MapMethods("/subgraphs/id/{id}", ["GET", "POST"], async (string id, HttpContext ctx) =>
            await registry.FindDeploymentAsync(id, ctx.RequestAborted).ConfigureAwait(false) is null
                ? Error(StatusCodes.Status404NotFound, $"deployment not found: {id}")
                : NotYet(id));
    }

    private static IResult NotYet(string deployment) =>
        Error(StatusCodes.Status501NotImplemented, $"GraphQL queries are not served by this node yet (deployment {deployment} is registered)");

    private static IResult Error(int status, string message) => Results.Content(
        new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) }.ToJsonString(),
        "application/json", System.Text.Encoding.UTF8, status);
}
