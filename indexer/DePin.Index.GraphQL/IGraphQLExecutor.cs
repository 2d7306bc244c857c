namespace DePin.Index.GraphQL;

/// <summary>
/// Runs GraphQL requests against one deployment's generated API (The Graph's conventions). Thread-safe.
/// Every failure the client caused or the store reported comes back as a GraphQL <c>errors</c> answer in
/// <see cref="GraphQLResult.Json"/>; the method throws only for cancellation.
/// </summary>
public interface IGraphQLExecutor
{
    /// <summary>Executes <paramref name="request"/> on deployment <paramref name="deploymentId"/> (<c>Qm…</c>).</summary>
    Task<GraphQLResult> ExecuteAsync(string deploymentId, GraphQLQuery request, CancellationToken cancellationToken = default);

    /// <summary>The generated API schema as SDL (The Graph's, for goldens and code generators).</summary>
    /// <exception cref="GraphQLEngineException">for an unknown deployment or a schema that cannot be served.</exception>
    Task<string> GetSchemaSdlAsync(string deploymentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the engine a block was committed, so queries without a <c>block</c> argument answer at it at once
    /// (otherwise the head is re-read at most every <see cref="GraphQLOptions.HeadRefreshMilliseconds"/>).
    /// </summary>
    void NotifyBlock(string deploymentId, int blockNumber);
}
