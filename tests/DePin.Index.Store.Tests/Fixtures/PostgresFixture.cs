using System.Globalization;
using DePin.Index.Devnet;
using Npgsql;

namespace DePin.Index.Store.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL for the tests: the server of <c>DEPIN_TEST_POSTGRES_URL</c> (set by ./test.sh) when
/// present, else a throwaway cluster started here with <see cref="PostgresServer"/>. Either way the tests
/// get a database of their own, created now and dropped at the end, so nothing they do reaches other users
/// of the server. Each test class then creates its own deployment (its own <c>sgdN</c> schema).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string UrlVariable = "DEPIN_TEST_POSTGRES_URL";

    private PostgresServer? _server;
    private string? _serverDir;
    private string _adminConnectionString = "";
    private string _database = "";

    /// <summary>The connection string of the test database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            _adminConnectionString = PostgresUrl.ToConnectionString(url);
        }
        else
        {
            _serverDir = Directory.CreateTempSubdirectory("depin-store-tests-").FullName;
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

        _database = "store_tests_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(_adminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {_database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(_adminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"drop database if exists {_database} with (force)", conn);
            await cmd.ExecuteNonQueryAsync();
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

    public Task<SubgraphStore> OpenStoreAsync() => SubgraphStore.OpenAsync(ConnectionString);

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

    /// <summary>Runs a query returning one scalar.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a table (or any query) as COPY text, in the given order: an exact dump to compare.</summary>
    public async Task<string> DumpAsync(string query)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        using var reader = await conn.BeginTextExportAsync($"copy ({query}) to stdout");
        return await reader.ReadToEndAsync();
    }
}
