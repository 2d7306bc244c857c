using DePin.Index.Node.Ipfs;
using DePin.Index.Node.Status;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node;

/// <summary>
/// Collects what a <see cref="NodeHost"/> runs with. Every seam is optional: without a registry or an IPFS store the
/// host opens <see cref="NodeOptions.PostgresUrl"/> and uses its own <c>node</c> tables; without a status source it
/// creates an <see cref="IndexingStatusBoard"/> for the indexing loop to report into; without metrics or a logger
/// factory it creates them from the options.
/// </summary>
public sealed class NodeHostBuilder
{
    internal NodeHostBuilder(NodeOptions options)
    {
        Options = options;
    }

    public NodeOptions Options { get; }

    /// <summary>Names, versions and assignments; default <see cref="PostgresDeploymentRegistry"/>.</summary>
    public IDeploymentRegistry? Registry { get; set; }

    /// <summary>IPFS blocks; default <see cref="PostgresIpfsBlockStore"/>.</summary>
    public IIpfsBlockStore? IpfsStore { get; set; }

    /// <summary>Indexing progress for the status API; default a new <see cref="IndexingStatusBoard"/>.</summary>
    public IIndexingStatusSource? StatusSource { get; set; }

    /// <summary>Metrics served on <c>/metrics</c>; default a new <see cref="NodeMetrics"/> with its own registry.</summary>
    public NodeMetrics? Metrics { get; set; }

    /// <summary>The GraphQL query engine; default a <c>GraphQLEngine</c> on <see cref="NodeOptions.PostgresUrl"/> when set.</summary>
    public DePin.Index.GraphQL.IGraphQLExecutor? QueryExecutor { get; set; }

    /// <summary>Logging; default console logging as <see cref="NodeOptions.LogFormat"/> and <see cref="NodeOptions.LogLevel"/> say (owned by the host).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Binds every port and starts serving.</summary>
    /// <exception cref="NodeConfigurationException">for invalid options, a missing database or a port that cannot be bound.</exception>
    public Task<NodeHost> StartAsync(CancellationToken cancellationToken = default) => NodeHost.StartAsync(this, cancellationToken);
}
