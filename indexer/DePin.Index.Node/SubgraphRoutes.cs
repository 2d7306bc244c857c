namespace DePin.Index.Node;

/// <summary>
/// The URLs <c>subgraph_deploy</c> answers, as graph-node builds them: relative to the node's host
/// (<c>:8000/subgraphs/name/NAME</c>, which graph-cli prefixes with the host it called) unless an external base URL is set.
/// </summary>
/// <param name="Playground">The GraphiQL page: <c>BASE/subgraphs/name/NAME/graphql</c>.</param>
/// <param name="Queries">The HTTP query endpoint: <c>BASE/subgraphs/name/NAME</c>.</param>
/// <param name="Subscriptions">The WebSocket endpoint: <c>:WSPORT/subgraphs/name/NAME</c>.</param>
public sealed record SubgraphRoutes(string Playground, string Queries, string Subscriptions)
{
    public static SubgraphRoutes For(string name, int httpPort, int wsPort, string? externalHttpBaseUrl)
    {
        var http = string.IsNullOrEmpty(externalHttpBaseUrl) ? $":{httpPort}" : externalHttpBaseUrl.TrimEnd('/');
        return new SubgraphRoutes($"{http}/subgraphs/name/{name}/graphql", $"{http}/subgraphs/name/{name}", $":{wsPort}/subgraphs/name/{name}");
    }
}
