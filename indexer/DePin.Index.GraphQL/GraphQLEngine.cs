using DePin.Index.GraphQL.Internal;
using DePin.Index.GraphQL.Internal.Execution;
using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.GraphQL;

/// <summary>
/// The query engine: per deployment, The Graph's API schema generated from its <c>schema.graphql</c> (cached) and
/// requests executed as SQL against the store's tables — one parameterised statement per selection level.
/// <code>
/// await using var engine = GraphQLEngine.Create(subgraphStore, connectionString, GraphQLOptions.FromEnvironment());
/// var result = await engine.ExecuteAsync("Qm…", new GraphQLQuery("{ devices(first: 5) { id owner } }"));
/// </code>
/// </summary>
public sealed class GraphQLEngine : IGraphQLExecutor, IAsyncDisposable
{
    private readonly DeploymentCatalog _catalog;
    private readonly RequestRunner _runner;
    private readonly NpgsqlDataSource _dataSource;

    private GraphQLEngine(SubgraphStore store, NpgsqlDataSource dataSource, GraphQLOptions options)
    {
        Options = options;
        _dataSource = dataSource;
        _catalog = new DeploymentCatalog(store, dataSource, options);
        _runner = new RequestRunner(_catalog, dataSource, options);
    }

    public GraphQLOptions Options { get; }

    /// <summary>Requests answered by the fast path so far.</summary>
    internal long FastPathAnswers => _runner.FastPathAnswers;

    /// <summary>
    /// An engine reading through its own read-only connection pool on <paramref name="connectionString"/>
    /// (statement timeout <see cref="GraphQLOptions.StatementTimeoutMilliseconds"/> set on every connection).
    /// </summary>
    public static GraphQLEngine Create(SubgraphStore store, string connectionString, GraphQLOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        options ??= GraphQLOptions.Default;
        var csb = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = $"-c statement_timeout={options.StatementTimeoutMilliseconds} -c default_transaction_read_only=on",
            ApplicationName = "depin-graphql",
            MaxPoolSize = Math.Max(new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize, 32),
            // The same query shapes come back with other values: prepared statements skip PostgreSQL's planning.
            MaxAutoPrepare = 256,
            AutoPrepareMinUsages = 2,
        };
        return new GraphQLEngine(store, NpgsqlDataSource.Create(csb), options);
    }

    public Task<GraphQLResult> ExecuteAsync(string deploymentId, GraphQLQuery request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(request);
        return _runner.ExecuteAsync(deploymentId, request, cancellationToken);
    }

    public async Task<string> GetSchemaSdlAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        var d = await _catalog.GetAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        return d.Sdl;
    }

    public void NotifyBlock(string deploymentId, int blockNumber) => _catalog.NotifyBlock(deploymentId, blockNumber);

    /// <summary>Forgets the cached schema of a deployment (after it was removed or redeployed).</summary>
    public void Forget(string deploymentId) => _catalog.Forget(deploymentId);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
