namespace DePin.Index.Devnet;

/// <summary>Where the devnet's programs are on this machine (found or installed by <see cref="Prerequisites"/>).</summary>
/// <param name="PostgresBinDir">PostgreSQL 15's bin folder (Debian: /usr/lib/postgresql/15/bin, not on PATH).</param>
/// <param name="RedisServer">The redis-server executable.</param>
/// <param name="Anvil">The pinned anvil binary in deploy/node_modules.</param>
public sealed record ToolPaths(string PostgresBinDir, string RedisServer, string Anvil);
