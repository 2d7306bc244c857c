using DePin.Index.GraphQL;

namespace DePin.Index.Live;

/// <summary>Stored query results by <see cref="QueryCacheKey"/>. Failures of the store are reported as misses, never thrown.</summary>
public interface IQueryResultCache
{
    /// <summary>The stored result of <paramref name="key"/>, or null.</summary>
    Task<GraphQLResult?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="result"/> unless it has errors or is too large; returns whether it was stored.</summary>
    Task<bool> SetAsync(string key, GraphQLResult result, CancellationToken cancellationToken = default);
}
