using StackExchange.Redis;

namespace DePin.Index.Live.Internal;

/// <summary>Reads <see cref="LiveOptions.RedisUrl"/>: <c>host:port</c>, <c>redis://[:password@]host:port[/db]</c> or a StackExchange.Redis configuration string.</summary>
internal static class RedisConfig
{
    public static ConfigurationOptions Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"DEPIN_REDIS_URL is not a redis:// URL: '{url}'");
            }

            options = new ConfigurationOptions();
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
            var userInfo = Uri.UnescapeDataString(uri.UserInfo);
            if (userInfo.Length > 0)
            {
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    if (colon > 0)
                    {
                        options.User = userInfo[..colon];
                    }

                    options.Password = userInfo[(colon + 1)..];
                }
                else
                {
                    options.Password = userInfo;
                }
            }

            var path = uri.AbsolutePath.Trim('/');
            if (path.Length > 0)
            {
                options.DefaultDatabase = int.TryParse(path, out var db) ? db : throw new ArgumentException($"DEPIN_REDIS_URL has a database '{path}' that is not a number");
            }
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(url);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"DEPIN_REDIS_URL is not host:port or a redis:// URL: {e.Message}", e);
            }
        }

        options.AbortOnConnectFail = false; // keep trying in the background: the node runs on while Redis is away
        options.ConnectTimeout = 2_000;
        options.AsyncTimeout = 2_000;
        options.SyncTimeout = 2_000;
        options.ClientName = "depin-index";
        return options;
    }

    public static async Task<ConnectionMultiplexer> ConnectAsync(string url) =>
        await ConnectionMultiplexer.ConnectAsync(Parse(url)).ConfigureAwait(false);
}
