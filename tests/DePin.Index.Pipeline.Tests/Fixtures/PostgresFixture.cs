using DePin.Index.Devnet;
using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL: the server of <c>DEPIN_TEST_POSTGRES_URL</c> (./test.sh sets it) when present, else a throwaway cluster
/// started here. Tests take fresh databases from it (<see cref="CreateDatabaseAsync"/>), one per simulated indexer node, all
/// dropped at the end.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private PostgresServer? _server;
    private string? _serverDir;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable("DEPIN_TEST_POSTGRES_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            _admin = PostgresUrl.ToConnectionString(url);
            return;
        }

        _serverDir = Directory.CreateTempSubdirectory("depin-pipeline-tests-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_serverDir, (UnixFileMode)0b111_101_101); // the postgres user must enter it
        }
        var bin = File.Exists(Path.Combine(Prerequisites.DebianPostgresBin, "initdb"))
            ? Prerequisites.DebianPostgresBin
            : (await Prerequisites.LocateAsync(RepoPaths.Find())).PostgresBinDir;
        _server = await PostgresServer.StartAsync(new PostgresSettings { BinDir = bin, Directory = Path.Combine(_serverDir, "pg") });
        _admin = _server.ConnectionStringValue;
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "pipeline")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
        await using (var conn = new NpgsqlConnection(_admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(_admin);
            await conn.OpenAsync();
            foreach (var name in _databases)
            {
                await using var cmd = new NpgsqlCommand($"drop database if exists {name} with (force)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            if (_serverDir is not null)
            {
                Directory.Delete(_serverDir, recursive: true);
            }
        }
    }
}
