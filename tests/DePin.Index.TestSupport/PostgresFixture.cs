using DePin.Index.Devnet;
using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.TestSupport;

/// <summary>
/// A real PostgreSQL: the server of <c>DEPIN_TEST_POSTGRES_URL</c> (./test.sh sets it) when present, else a throwaway
/// PostgreSQL 15 cluster started here. Tests take fresh databases from it (<see cref="CreateDatabaseAsync"/>), all
/// dropped at the end, so nothing a test does reaches other users of the server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string UrlVariable = "DEPIN_TEST_POSTGRES_URL";

    private readonly List<string> _databases = [];
    private PostgresServer? _server;
    private string? _serverDir;

    /// <summary>The connection string of the server's maintenance database (create/drop databases with it).</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            AdminConnectionString = PostgresUrl.ToConnectionString(url);
            return;
        }

        _serverDir = Directory.CreateTempSubdirectory("depin-tests-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_serverDir, (UnixFileMode)0b111_101_101); // the postgres user must enter it
        }

        var bin = File.Exists(Path.Combine(Prerequisites.DebianPostgresBin, "initdb"))
            ? Prerequisites.DebianPostgresBin
            : (await Prerequisites.LocateAsync(RepoPaths.Find())).PostgresBinDir;
        _server = await PostgresServer.StartAsync(new PostgresSettings { BinDir = bin, Directory = Path.Combine(_serverDir, "pg") });
        AdminConnectionString = _server.ConnectionStringValue;
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        name = name[..Math.Min(48, name.Length)];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A fresh random deployment id (Qm + 44 base58 characters).</summary>
    public static string NewDeploymentId()
    {
        const string base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        return "Qm" + string.Create(44, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = base58[Random.Shared.Next(base58.Length)];
            }
        });
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(AdminConnectionString);
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
