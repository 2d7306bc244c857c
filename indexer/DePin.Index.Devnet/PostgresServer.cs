using System.Globalization;
using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// A throwaway PostgreSQL 15 cluster. initdb and postgres refuse to run as root, so when we are root they run as
/// the Debian `postgres` system user (runuser; the user is created if missing) in folders given to it. pg_ctl
/// starts the postmaster in its own session, so it outlives the CLI. Disposing the object stops the cluster.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string CommandName = "postgres";
    private readonly PostgresSettings _settings;

    private PostgresServer(ServiceRecord record, PostgresSettings settings)
    {
        Record = record;
        _settings = settings;
    }

    public ServiceRecord Record { get; }

    /// <summary>Npgsql connection string of the devnet database.</summary>
    public string ConnectionStringValue => ConnectionString(Record.Port, _settings.Database);

    /// <summary>Host=127.0.0.1;Port=PORT;Username=postgres;Database=DB (trust authentication: no password).</summary>
    public static string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={PostgresSettings.Superuser};Database={database}";

    /// <summary>postgresql://postgres@127.0.0.1:PORT/DB.</summary>
    public static string Url(int port, string database) =>
        $"postgresql://{PostgresSettings.Superuser}@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>
    /// Initialises the cluster if its data folder is empty, starts it (stopping first a server still running on
    /// the same data folder), waits until it accepts connections, and creates the database if missing.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(
        PostgresSettings settings, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bin = settings.BinDir;
        if (!File.Exists(Path.Combine(bin, "initdb"))) throw new DevnetException($"PostgreSQL binaries not found in {bin}");
        await SystemUsers.EnsurePostgresUserAsync(progress, cancellationToken).ConfigureAwait(false);
        var dir = Path.GetFullPath(settings.Directory);
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(settings.SocketDir);
        await SystemUsers.ChownToPostgresAsync(dir, recursive: false, cancellationToken).ConfigureAwait(false);
        await SystemUsers.ChownToPostgresAsync(settings.SocketDir, recursive: false, cancellationToken).ConfigureAwait(false);
        var user = SystemUsers.IsRoot ? SystemUsers.PostgresUser : null;

        if (!File.Exists(Path.Combine(settings.DataDir, "PG_VERSION")))
        {
            if (Directory.Exists(settings.DataDir)) Directory.Delete(settings.DataDir, recursive: true); // a failed initdb
            progress?.Report($"postgres: initdb {settings.DataDir}");
            var init = await ProcessRunner.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", settings.DataDir, "-U", PostgresSettings.Superuser, "--auth=trust", "--no-locale", "-E", "UTF8"],
                cancellationToken, workingDirectory: dir, runAs: user).ConfigureAwait(false);
            if (!init.Succeeded)
            {
                throw new DevnetException(
                    $"initdb failed (exit {init.ExitCode}); the {SystemUsers.PostgresUser} user must be able to enter every folder above {dir}:\n{init.Tail()}");
            }
        }

        await StopDataDirAsync(settings, cancellationToken).ConfigureAwait(false); // a postmaster left without a record
        var port = settings.Port > 0 ? settings.Port : FreePort.Any();
        var options = new List<string>
        {
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-k", ShellQuote.Quote(Path.GetFullPath(settings.SocketDir)),
            "-c", "listen_addresses=127.0.0.1",
        };
        foreach (var (name, value) in settings.ServerSettings) options.AddRange(["-c", ShellQuote.Quote($"{name}={value}")]);
        var startedAt = DateTimeOffset.UtcNow;
        var timeoutSeconds = ((int)Math.Ceiling(settings.StartTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var start = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", settings.DataDir, "-l", settings.LogPath, "-w", "-t", timeoutSeconds, "-o", string.Join(' ', options), "start"],
            cancellationToken, workingDirectory: dir, runAs: user).ConfigureAwait(false);
        if (!start.Succeeded)
        {
            throw new DevnetException($"pg_ctl start failed (port {port}): {start.Tail(5)}\n{settings.LogPath} ends with:\n{LogTail.Read(settings.LogPath)}");
        }
        var pid = PostmasterPid(settings.DataDir)
            ?? throw new DevnetException($"PostgreSQL started but {settings.DataDir}/postmaster.pid is unreadable");
        var record = new ServiceRecord(pid, port, Url(port, settings.Database), settings.LogPath, startedAt, CommandName,
            ProcessTable.StartTicks(pid));
        var server = new PostgresServer(record, settings);
        await server.EnsureDatabaseAsync(progress, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>True when the recorded postmaster is alive and the database accepts a session (raw protocol check).</summary>
    public static async Task<bool> IsAnsweringAsync(ServiceRecord record, string database = PostgresSettings.DefaultDatabase,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsProcessAlive()
            && await PostgresProbe.AcceptsAsync(record.Port, PostgresSettings.Superuser, database, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the cluster: `pg_ctl stop -m fast` as the postgres user, then signals if the postmaster is still there.</summary>
    public static async Task StopAsync(ServiceRecord record, PostgresSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(settings);
        if (!record.IsProcessAlive()) return;
        await PgCtlStopAsync(settings, cancellationToken).ConfigureAwait(false);
        if (record.IsProcessAlive())
        {
            await ProcessTable.StopAsync(record.Pid, TimeSpan.FromSeconds(15), cancellationToken, NativeMethods.SigInt).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => StopAsync(Record, _settings, cancellationToken);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>The postmaster's PID from the first line of postmaster.pid, or null.</summary>
    internal static int? PostmasterPid(string dataDir)
    {
        var path = Path.Combine(dataDir, "postmaster.pid");
        try
        {
            using var reader = new StreamReader(path);
            return int.TryParse(reader.ReadLine(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task StopDataDirAsync(PostgresSettings settings, CancellationToken cancellationToken)
    {
        var pid = PostmasterPid(settings.DataDir);
        if (pid is null || !ProcessTable.IsSameProcess(pid.Value, CommandName, null)) return;
        await PgCtlStopAsync(settings, cancellationToken).ConfigureAwait(false);
        await ProcessTable.StopAsync(pid.Value, TimeSpan.FromSeconds(15), cancellationToken, NativeMethods.SigInt).ConfigureAwait(false);
    }

    private static Task<ProcessResult> PgCtlStopAsync(PostgresSettings settings, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Path.Combine(settings.BinDir, "pg_ctl"), ["-D", settings.DataDir, "-m", "fast", "-w", "-t", "30", "stop"],
            cancellationToken, workingDirectory: Path.GetFullPath(settings.Directory),
            runAs: SystemUsers.IsRoot ? SystemUsers.PostgresUser : null);

    private async Task EnsureDatabaseAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var db = _settings.Database;
        if (await PostgresProbe.AcceptsAsync(Record.Port, PostgresSettings.Superuser, db, cancellationToken).ConfigureAwait(false)) return;
        progress?.Report($"postgres: createdb {db}");
        var create = await ProcessRunner.RunAsync(Path.Combine(_settings.BinDir, "createdb"),
            ["-h", "127.0.0.1", "-p", Record.Port.ToString(CultureInfo.InvariantCulture), "-U", PostgresSettings.Superuser, db],
            cancellationToken, workingDirectory: Path.GetFullPath(_settings.Directory)).ConfigureAwait(false);
        if (!create.Succeeded && !create.StandardError.Contains("already exists", StringComparison.Ordinal)) create.EnsureSuccess();
        if (!await PostgresProbe.AcceptsAsync(Record.Port, PostgresSettings.Superuser, db, cancellationToken).ConfigureAwait(false))
        {
            throw new DevnetException($"PostgreSQL on port {Record.Port} does not accept sessions on database {db}");
        }
    }
}
