using DePin.Index.GraphQL;
using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Node.Query;

/// <summary>Creates the node's query engine on <see cref="NodeOptions.PostgresUrl"/> (its limits from <c>DEPIN_GRAPHQL_*</c>).</summary>
internal static class QueryEngineFactory
{
    public static async Task<GraphQLEngine?> CreateAsync(NodeOptions options, List<IAsyncDisposable> owned, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresUrl))
        {
            return null;
        }

        try
        {
            var connectionString = options.PostgresUrl.Contains("://", StringComparison.Ordinal)
                ? PostgresUrl.ToConnectionString(options.PostgresUrl)
                : new NpgsqlConnectionStringBuilder(options.PostgresUrl).ConnectionString;
            var store = await SubgraphStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
            owned.Add(store);
            var engine = GraphQLEngine.Create(store, connectionString, GraphQLOptions.FromEnvironment());
            owned.Add(engine);
            return engine;
        }
        catch (Exception e) when (e is StoreException or ArgumentException)
        {
            throw new NodeConfigurationException($"cannot start the GraphQL query engine: {e.Message}", e);
        }
    }
}
