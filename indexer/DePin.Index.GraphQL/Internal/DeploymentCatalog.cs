using System.Collections.Concurrent;
using System.Diagnostics;
using DePin.Index.GraphQL.Internal.Execution;
using DePin.Index.GraphQL.Internal.Schema;
using DePin.Index.Store;
using GraphQL;
using GraphQL.Utilities;
using Npgsql;

namespace DePin.Index.GraphQL.Internal;

/// <summary>Generated schemas per deployment (built once, on first use) and their heads (re-read when stale).</summary>
internal sealed class DeploymentCatalog(SubgraphStore store, NpgsqlDataSource dataSource, GraphQLOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServedDeployment>>> _deployments = new(StringComparer.Ordinal);
    private RootFieldRunner? _runner;

    /// <summary>Runs entity root fields (the resolvers and the fast path share it).</summary>
    public RootFieldRunner Runner => _runner ??= new RootFieldRunner(this, dataSource, options);

    public async Task<ServedDeployment> GetAsync(string deploymentId, CancellationToken cancellationToken)
    {
        var lazy = _deployments.GetOrAdd(deploymentId, id => new Lazy<Task<ServedDeployment>>(() => LoadAsync(id)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GraphQLEngineException)
        {
            _deployments.TryRemove(new KeyValuePair<string, Lazy<Task<ServedDeployment>>>(deploymentId, lazy));
            throw;
        }
    }

    public void Forget(string deploymentId) => _deployments.TryRemove(deploymentId, out _);

    public void NotifyBlock(string deploymentId, int blockNumber)
    {
        if (_deployments.TryGetValue(deploymentId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            var d = lazy.Value.Result;
            if (d.Head is not { } h || h.Number != blockNumber)
            {
                d.Head = null;
            }
        }
    }

    /// <summary>The head, re-read when older than <see cref="GraphQLOptions.HeadRefreshMilliseconds"/> or invalidated by a block notice.</summary>
    public async Task<HeadState> GetHeadAsync(ServedDeployment d, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (d.Head is { } h && Stopwatch.GetElapsedTime(h.ReadAtTicks, now).TotalMilliseconds < options.HeadRefreshMilliseconds)
        {
            return h;
        }

        await using var cmd = dataSource.CreateCommand("""
            select latest_block_number, latest_block_hash, earliest_block, health = 'failed' or fatal_error_message is not null
            from subgraphs.deployment where id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = d.Id });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Forget(d.Id);
            throw new QueryException($"deployment {d.Id} does not exist (removed?)");
        }

        var head = new HeadState(
            r.IsDBNull(0) ? null : r.GetInt32(0),
            r.IsDBNull(1) ? null : r.GetFieldValue<byte[]>(1),
            r.GetInt32(2),
            r.GetBoolean(3),
            now);
        d.Head = head;
        return head;
    }

    private async Task<ServedDeployment> LoadAsync(string deploymentId)
    {
        DeploymentStore deployment;
        try
        {
            deployment = await store.OpenDeploymentAsync(deploymentId).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw new GraphQLEngineException($"deployment {deploymentId} can not be served: {e.Message}", e);
        }

        try
        {
            var schema = ApiSchemaBuilder.Build(deployment.Layout.Schema, new EntityResolver(Runner, options), new MetaResolver(this, options));
            var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
            return new ServedDeployment(deploymentId, deployment.Layout, schema, sdl);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GraphQLEngineException($"deployment {deploymentId}: the GraphQL API can not be generated from its schema: {e.Message}", e);
        }
    }
}
