using DePin.Index.Devnet;
using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL for the tests: the server of <c>DEPIN_TEST_POSTGRES_URL</c> (set by ./test.sh) when present, else a
/// throwaway cluster started here with <see cref="PostgresServer"/>. Each test class asks for a database of its own
/// (created on demand, dropped at the end), so classes never see each other's names or deployments.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string UrlVariable = "DEPIN_TEST_POSTGRES_URL";

    private readonly List<string> _databases = [];
    private PostgresServer? _server;
    private string? _serverDir;
    private string _adminConnectionString = "";

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            _adminConnectionString = PostgresUrl.ToConnectionString(url);
            return;
        }

        _serverDir = Directory.CreateTempSubdirectory("depin-node-tests-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_serverDir, (UnixFileMode)0b111_101_101); // the postgres user must enter it
        }

        var bin = File.Exists(Path.Combine(Prerequisites.DebianPostgresBin, "initdb"))
            ? Prerequisites.DebianPostgresBin
            : (await Prerequisites.LocateAsync(RepoPaths.Find())).PostgresBinDir;
        _server = await PostgresServer.StartAsync(new PostgresSettings { BinDir = bin, Directory = Path.Combine(_serverDir, "pg") });
        _adminConnectionString = _server.ConnectionStringValue;
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "node_tests_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(_adminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(_adminConnectionString);
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
