namespace DePin.Index.Devnet;

/// <summary>
/// How to run the devnet's throwaway PostgreSQL 15 cluster: data, socket folder and log under one folder, trust
/// authentication, loopback only, and settings that trade durability for speed (it is a scratch database).
/// </summary>
public sealed class PostgresSettings
{
    public const int DefaultPort = 5432;
    public const string DefaultDatabase = "depin";
    public const string Superuser = "postgres";

    /// <summary>The folder holding initdb, pg_ctl and postgres (see <see cref="ToolPaths.PostgresBinDir"/>).</summary>
    public required string BinDir { get; init; }

    /// <summary>The cluster's folder: data/ (PGDATA), sock/ (Unix socket) and postgres.log go inside.</summary>
    public required string Directory { get; init; }

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The database created after start (default "depin").</summary>
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>
    /// Server settings passed as `-c name=value`: no fsync, no synchronous commit, no full-page writes (a crash may
    /// lose the cluster: fine for a devnet), 200 connections, 256 MB shared buffers.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "200",
        ["shared_buffers"] = "256MB",
    };

    /// <summary>How long pg_ctl waits for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string DataDir => Path.Combine(Directory, "data");

    public string SocketDir => Path.Combine(Directory, "sock");

    public string LogPath => Path.Combine(Directory, "postgres.log");
}
