using System.Globalization;

namespace DePin.Index.Live;

/// <summary>
/// Settings of the live layer: Redis, the result cache and the WebSocket subscriptions. Each item states its unit and default and
/// the <c>DEPIN_</c> variable <see cref="FromEnvironment"/> reads.
/// </summary>
public sealed record LiveOptions
{
    /// <summary>
    /// Redis for block notices and the result cache: <c>host:port</c>, <c>redis://host:port</c> or a StackExchange.Redis
    /// configuration string; default none (notices stay in the process, no result cache); <c>DEPIN_REDIS_URL</c>.
    /// </summary>
    public string? RedisUrl { get; init; }

    /// <summary>Prefix of every Redis key and channel (several nodes sets on one Redis); default <c>depin:</c>; <c>DEPIN_REDIS_PREFIX</c>.</summary>
    public string RedisPrefix { get; init; } = "depin:";

    /// <summary>Whether query results are cached in Redis (needs <see cref="RedisUrl"/>); default true; <c>DEPIN_CACHE_ENABLED</c>.</summary>
    public bool CacheEnabled { get; init; } = true;

    /// <summary>How long a cached result lives, in seconds; default 60; <c>DEPIN_CACHE_TTL_SECONDS</c>.</summary>
    public int CacheTtlSeconds { get; init; } = 60;

    /// <summary>Largest result stored in the cache, in bytes of JSON; default 1 MiB; <c>DEPIN_CACHE_MAX_ENTRY_BYTES</c>.</summary>
    public int CacheMaxEntryBytes { get; init; } = 1024 * 1024;

    /// <summary>Subscriptions one WebSocket connection may hold at once; default 100; <c>DEPIN_WS_MAX_SUBSCRIPTIONS</c>.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 100;

    /// <summary>Time a client has to send <c>connection_init</c>, in milliseconds; default 10,000; <c>DEPIN_WS_INIT_TIMEOUT_MS</c>.</summary>
    public int ConnectionInitTimeoutMs { get; init; } = 10_000;

    /// <summary>Largest WebSocket message a client may send, in bytes; default 256 KiB; <c>DEPIN_WS_MAX_MESSAGE_BYTES</c>.</summary>
    public int MaxMessageBytes { get; init; } = 256 * 1024;

    /// <summary>WebSocket connections the node holds at once; default 10,000; <c>DEPIN_WS_MAX_CONNECTIONS</c>.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>The defaults overridden by the <c>DEPIN_</c> variables of <paramref name="environment"/> (the process environment when null).</summary>
    /// <exception cref="ArgumentException">naming a variable whose value is malformed.</exception>
    public static LiveOptions FromEnvironment(IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Get(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        var o = new LiveOptions();
        var url = Get("DEPIN_REDIS_URL");
        var prefix = Get("DEPIN_REDIS_PREFIX");
        return (o with
        {
            RedisUrl = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            RedisPrefix = prefix ?? o.RedisPrefix,
            CacheEnabled = Bool(Get, "DEPIN_CACHE_ENABLED", o.CacheEnabled),
            CacheTtlSeconds = Int(Get, "DEPIN_CACHE_TTL_SECONDS", o.CacheTtlSeconds),
            CacheMaxEntryBytes = Int(Get, "DEPIN_CACHE_MAX_ENTRY_BYTES", o.CacheMaxEntryBytes),
            MaxSubscriptionsPerConnection = Int(Get, "DEPIN_WS_MAX_SUBSCRIPTIONS", o.MaxSubscriptionsPerConnection),
            ConnectionInitTimeoutMs = Int(Get, "DEPIN_WS_INIT_TIMEOUT_MS", o.ConnectionInitTimeoutMs),
            MaxMessageBytes = Int(Get, "DEPIN_WS_MAX_MESSAGE_BYTES", o.MaxMessageBytes),
            MaxConnections = Int(Get, "DEPIN_WS_MAX_CONNECTIONS", o.MaxConnections),
        }).Validated();
    }

    /// <summary>This, checked.</summary>
    /// <exception cref="ArgumentException">naming the setting out of range.</exception>
    public LiveOptions Validated()
    {
        Check(CacheTtlSeconds >= 1, "CacheTtlSeconds (DEPIN_CACHE_TTL_SECONDS) must be at least 1", CacheTtlSeconds);
        Check(CacheMaxEntryBytes >= 1, "CacheMaxEntryBytes (DEPIN_CACHE_MAX_ENTRY_BYTES) must be positive", CacheMaxEntryBytes);
        Check(MaxSubscriptionsPerConnection >= 1, "MaxSubscriptionsPerConnection (DEPIN_WS_MAX_SUBSCRIPTIONS) must be at least 1", MaxSubscriptionsPerConnection);
        Check(ConnectionInitTimeoutMs >= 1, "ConnectionInitTimeoutMs (DEPIN_WS_INIT_TIMEOUT_MS) must be positive", ConnectionInitTimeoutMs);
        Check(MaxMessageBytes >= 1024, "MaxMessageBytes (DEPIN_WS_MAX_MESSAGE_BYTES) must be at least 1024", MaxMessageBytes);
        Check(MaxConnections >= 1, "MaxConnections (DEPIN_WS_MAX_CONNECTIONS) must be at least 1", MaxConnections);
        return this;
    }

    private static void Check(bool ok, string rule, int value)
    {
        if (!ok)
        {
            throw new ArgumentException($"{rule}, got {value}");
        }
    }

    private static int Int(Func<string, string?> get, string name, int fallback)
    {
        var text = get(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"{name} must be an integer, got '{text}'");
    }

    private static bool Bool(Func<string, string?> get, string name, bool fallback)
    {
        var text = get(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" => false,
            _ => throw new ArgumentException($"{name} must be true or false, got '{text}'"),
        };
    }
}
