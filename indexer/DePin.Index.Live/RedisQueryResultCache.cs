using DePin.Index.GraphQL;
using DePin.Index.Live.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DePin.Index.Live;

/// <summary>
/// Query results in Redis: one string per key holding the block, the entity types read and the response JSON, with the TTL of
/// <see cref="LiveOptions.CacheTtlSeconds"/>. Results with errors and results above <see cref="LiveOptions.CacheMaxEntryBytes"/>
/// are not stored. A Redis failure counts in <see cref="LiveMetrics.CacheFailures"/> and reads as a miss.
/// </summary>
public sealed class RedisQueryResultCache(IConnectionMultiplexer redis, LiveOptions options, LiveMetrics? metrics = null, ILogger? logger = null) : IQueryResultCache
{
    private readonly LiveMetrics _metrics = metrics ?? new LiveMetrics();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(options.CacheTtlSeconds);

    public async Task<GraphQLResult?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key).ConfigureAwait(false);
            var result = value.IsNull ? null : CacheEntry.Decode((byte[])value!);
            if (result is null)
            {
                _metrics.CacheMiss();
            }
            else
            {
                _metrics.CacheHit();
            }

            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _metrics.CacheFailed();
            _metrics.CacheMiss();
            _logger.LogDebug("Result cache read failed: {Error}", e.Message);
            return null;
        }
    }

    public async Task<bool> SetAsync(string key, GraphQLResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.HasErrors)
        {
            _metrics.CacheErrorSkipped();
            return false;
        }

        if (result.Utf8Json.Length > options.CacheMaxEntryBytes)
        {
            _metrics.CacheTooLarge();
            return false;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(key, CacheEntry.Encode(result), _ttl, When.Always, CommandFlags.FireAndForget).ConfigureAwait(false);
            _metrics.CacheStored();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _metrics.CacheFailed();
            _logger.LogDebug("Result cache write failed: {Error}", e.Message);
            return false;
        }
    }
}
