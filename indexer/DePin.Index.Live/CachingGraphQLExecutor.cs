using System.Collections.Concurrent;
using DePin.Index.GraphQL;

namespace DePin.Index.Live;

/// <summary>
/// An <see cref="IGraphQLExecutor"/> that answers from the result cache when it can. The key (<see cref="QueryCacheKey"/>) takes
/// the deployment's current head from <see cref="DeploymentHeads"/>, so a new block or a revert makes new keys and no entry is
/// ever invalidated by hand. A result is stored only when it has no errors and was read at that same head (a query with a
/// <c>block</c> argument: at or below it) — an answer that raced ahead of the notices is not stored under an older head.
/// Requests that cannot be normalised (syntax, size, operation selection) and deployments with no known head bypass the cache.
/// Identical requests in flight at once share one lookup and one execution (after a block, every subscriber of a query re-runs
/// it at the same moment: one of them reads the store, the others wait for its answer).
/// </summary>
public sealed class CachingGraphQLExecutor(IGraphQLExecutor inner, IQueryResultCache cache, DeploymentHeads heads, string keyPrefix = "depin:",
    int maxDocumentLength = 256 * 1024) : IGraphQLExecutor
{
    private readonly ConcurrentDictionary<string, Task<GraphQLResult>> _inflight = new(StringComparer.Ordinal);

    public async Task<GraphQLResult> ExecuteAsync(string deploymentId, GraphQLQuery request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(request);
        NormalizedQuery query;
        try
        {
            query = NormalizedQuery.Parse(request.Query, request.OperationName, maxDocumentLength);
        }
        catch (LiveQueryException)
        {
            return await inner.ExecuteAsync(deploymentId, request, cancellationToken).ConfigureAwait(false); // the engine words the error
        }

        if (query.OperationType != "query")
        {
            return await inner.ExecuteAsync(deploymentId, request, cancellationToken).ConfigureAwait(false);
        }

        if (await heads.GetAsync(deploymentId, cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return await inner.ExecuteAsync(deploymentId, request, cancellationToken).ConfigureAwait(false);
        }

        var key = QueryCacheKey.Compute(keyPrefix, deploymentId, head, query, request.OperationName, request.Variables);
        while (true)
        {
            if (_inflight.TryGetValue(key, out var running))
            {
                return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var mine = new TaskCompletionSource<GraphQLResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inflight.TryAdd(key, mine.Task))
            {
                continue;
            }

            try
            {
                // shared by whoever waits: not cancelled by this caller (the engine's statement timeout bounds it)
                var result = await LookupOrRunAsync(deploymentId, request, query, head, key).ConfigureAwait(false);
                mine.SetResult(result);
                return result;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed: the waiters, if any, get it
                throw;
            }
            finally
            {
                _inflight.TryRemove(key, out _);
            }
        }
    }

    private async Task<GraphQLResult> LookupOrRunAsync(string deploymentId, GraphQLQuery request, NormalizedQuery query, DeploymentHead head, string key)
    {
        if (await cache.GetAsync(key).ConfigureAwait(false) is { } hit)
        {
            return hit;
        }

        var result = await inner.ExecuteAsync(deploymentId, request).ConfigureAwait(false);
        if (IsAt(result, head, query))
        {
            await cache.SetAsync(key, result).ConfigureAwait(false);
        }

        return result;
    }

    public Task<string> GetSchemaSdlAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        inner.GetSchemaSdlAsync(deploymentId, cancellationToken);

    public void NotifyBlock(string deploymentId, int blockNumber) => inner.NotifyBlock(deploymentId, blockNumber);

    /// <summary>Whether <paramref name="result"/> is the answer at <paramref name="head"/> (errors are refused by the cache itself).</summary>
    internal static bool IsAt(GraphQLResult result, DeploymentHead head, NormalizedQuery query) =>
        result.Block is { } b && (b == head.Number || (query.HasBlockArgument && b <= head.Number));
}
