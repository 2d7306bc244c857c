namespace DePin.Index.Devnet;

/// <summary>How to run the devnet's Redis: no persistence (no RDB snapshots, no AOF), loopback only.</summary>
public sealed class RedisSettings
{
    public const int DefaultPort = 6379;

    /// <summary>The redis-server executable (see <see cref="ToolPaths.RedisServer"/>).</summary>
    public required string ServerPath { get; init; }

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where redis-server's output goes; its folder is also its working directory.</summary>
    public required string LogPath { get; init; }

    /// <summary>How long to wait for PING to answer after start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
