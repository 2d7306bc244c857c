using System.Collections;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node;

/// <summary>Applies the <c>DEPIN_*</c> environment variables to <see cref="NodeOptions"/>.</summary>
internal static class NodeEnvironment
{
    public static IReadOnlyDictionary<string, string?> Process()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }

    public static NodeOptions Apply(NodeOptions options, IReadOnlyDictionary<string, string?> env)
    {
        string? Get(string name) => env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        int Port(string name, int fallback) => Get(name) is { } v
            ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                ? port
                : throw new NodeConfigurationException($"{name} must be a port number (0-65535; 0 picks a free one), not '{v}'")
            : fallback;

        return options with
        {
            HttpPort = Port("DEPIN_HTTP_PORT", options.HttpPort),
            WsPort = Port("DEPIN_WS_PORT", options.WsPort),
            AdminPort = Port("DEPIN_ADMIN_PORT", options.AdminPort),
            StatusPort = Port("DEPIN_STATUS_PORT", options.StatusPort),
            MetricsPort = Port("DEPIN_METRICS_PORT", options.MetricsPort),
            IpfsPort = Port("DEPIN_IPFS_PORT", options.IpfsPort),
            BindAddress = Get("DEPIN_BIND_ADDRESS") is { } address
                ? IPAddress.TryParse(address, out var ip) ? ip : throw new NodeConfigurationException($"DEPIN_BIND_ADDRESS must be an IP address, not '{address}'")
                : options.BindAddress,
            NodeId = Get("DEPIN_NODE_ID") ?? options.NodeId,
            AdminToken = Get("DEPIN_ADMIN_TOKEN") ?? options.AdminToken,
            AdminAllowAnonymous = Get("DEPIN_ADMIN_ALLOW_ANONYMOUS") is { } anonymous
                ? bool.TryParse(anonymous, out var allow) ? allow : throw new NodeConfigurationException($"DEPIN_ADMIN_ALLOW_ANONYMOUS must be true or false, not '{anonymous}'")
                : options.AdminAllowAnonymous,
            PostgresUrl = Get("DEPIN_POSTGRES_URL") ?? options.PostgresUrl,
            ExternalHttpBaseUrl = Get("DEPIN_EXTERNAL_HTTP_BASE_URL") ?? options.ExternalHttpBaseUrl,
            IpfsMaxUploadBytes = Get("DEPIN_IPFS_MAX_UPLOAD_BYTES") is { } max
                ? long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                    ? bytes
                    : throw new NodeConfigurationException($"DEPIN_IPFS_MAX_UPLOAD_BYTES must be a positive number of bytes, not '{max}'")
                : options.IpfsMaxUploadBytes,
            LogFormat = Get("DEPIN_LOG_FORMAT") is { } format
                ? Enum.TryParse<NodeLogFormat>(format, ignoreCase: true, out var f) && Enum.IsDefined(f)
                    ? f
                    : throw new NodeConfigurationException($"DEPIN_LOG_FORMAT must be text or json, not '{format}'")
                : options.LogFormat,
            LogLevel = Get("DEPIN_LOG_LEVEL") is { } level
                ? Enum.TryParse<LogLevel>(level, ignoreCase: true, out var l) && Enum.IsDefined(l) && !int.TryParse(level, out _)
                    ? l
                    : throw new NodeConfigurationException($"DEPIN_LOG_LEVEL must be Trace, Debug, Information, Warning, Error, Critical or None, not '{level}'")
                : options.LogLevel,
        };
    }
}
