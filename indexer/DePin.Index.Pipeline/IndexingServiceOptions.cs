using System.Globalization;
using DePin.Index.Store;

namespace DePin.Index.Pipeline;

/// <summary>Settings of an <see cref="IndexingService"/> (one index node's indexing). <see cref="FromEnvironment"/> reads the <c>DEPIN_</c> variables.</summary>
public sealed record IndexingServiceOptions
{
    /// <summary>The node's PostgreSQL (an Npgsql connection string). Required. <c>DEPIN_POSTGRES_URL</c> (a <c>postgresql://</c> URL).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Network name (a manifest's <c>network</c>) → its chain. <c>DEPIN_ETHEREUM_RPC</c> (<c>NAME:URL …</c>, see <see cref="NetworkOptions.ParseList"/>).</summary>
    public required IReadOnlyDictionary<string, NetworkOptions> Networks { get; init; }

    /// <summary>Settings of every runner (batching, cache, retries); the network's stream settings replace its <see cref="DeploymentRunnerOptions.Stream"/>.</summary>
    public DeploymentRunnerOptions Runner { get; init; } = new();

    /// <summary>The options from <c>DEPIN_POSTGRES_URL</c>, <c>DEPIN_ETHEREUM_RPC</c>, <c>DEPIN_REORG_THRESHOLD</c> and the runner's variables.</summary>
    /// <exception cref="ArgumentException">naming a variable that is missing or malformed.</exception>
    public static IndexingServiceOptions FromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable("DEPIN_POSTGRES_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException("DEPIN_POSTGRES_URL is not set (postgresql://user@host:port/db)");
        }

        var rpc = Environment.GetEnvironmentVariable("DEPIN_ETHEREUM_RPC");
        if (string.IsNullOrWhiteSpace(rpc))
        {
            throw new ArgumentException("DEPIN_ETHEREUM_RPC is not set (NAME:URL …, e.g. devnet:http://127.0.0.1:8545)");
        }

        var threshold = Environment.GetEnvironmentVariable("DEPIN_REORG_THRESHOLD");
        var reorg = string.IsNullOrWhiteSpace(threshold) ? 250
            : int.TryParse(threshold, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t >= 0 ? t
            : throw new ArgumentException($"DEPIN_REORG_THRESHOLD must be a non-negative integer, got '{threshold}'");
        return new IndexingServiceOptions
        {
            ConnectionString = url.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(url) : url,
            Networks = NetworkOptions.ParseList(rpc, reorg),
            Runner = DeploymentRunnerOptions.FromEnvironment(),
        };
    }
}
