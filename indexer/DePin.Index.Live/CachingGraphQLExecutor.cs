using DePin.Index.GraphQL;

namespace DePin.Index.Live;

/// <summary>
/// An <see cref="IGraphQLExecutor"/> that answers from the result cache when it can. The key (<see cref="QueryCacheKey"/>) takes
/// the deployment's current head from <see cref="DeploymentHeads"/>, so a new block or a revert makes new keys and no entry is
/// ever invalidated by hand. A result is stored only when it has no errors and was read at that same head (a query with a
/// <c>block</c> argument: at or below it) — an answer that raced ahead of the notices is not stored under an older head.
/// Requests that cannot be normalised (syntax, size, operation selection) and deployments with no known head bypass the cache.
/// </summary>
public sealed class CachingGraphQLExecutor(IGraphQLExecutor inner, IQueryResultCache cache, DeploymentHeads heads, string keyPrefix = "depin:",
    int maxDocumentLength = 256 * 1024) : IGraphQLExecutor
{
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
        if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return hit;
        }

        var result = await inner.ExecuteAsync(deploymentId, request, cancellationToken).ConfigureAwait(false);
        if (IsAt(result, head, query))
        {
            await cache.SetAsync(key, result, cancellationToken).ConfigureAwait(false);
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
