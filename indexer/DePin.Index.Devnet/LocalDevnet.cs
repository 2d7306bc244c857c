using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// The local devnet: PostgreSQL 15, Redis and anvil on 127.0.0.1, started detached so they outlive the command
/// that started them, recorded in DIR/state.json (DIR = .devnet/ by default). This is what `depin devnet
/// up|down|status` calls. (Named LocalDevnet, not Devnet: a type named like its namespace would be shadowed by the
/// namespace in callers under DePin.Index.*.)
/// <para>Folder layout: state.json, .lock, postgres/{data,sock,postgres.log}, redis.log, anvil.log, anvil-state.json.</para>
/// </summary>
public static class LocalDevnet
{
    public const string AnvilStateFile = "anvil-state.json";

    /// <summary>
    /// Makes the devnet run, idempotently: installs missing tools and compiles the contracts (see
    /// <see cref="Prerequisites"/>), then for each server reuses the recorded process if it is alive and answers,
    /// or starts it (again). Drops recorded contracts the chain no longer has code for. Returns the saved state.
    /// Concurrent calls on the same folder wait for each other (DIR/.lock).
    /// </summary>
    public static async Task<DevnetState> UpAsync(DevnetOptions? options = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= DevnetOptions.FromEnvironment();
        var paths = options.ResolvePaths();
        var dir = PrepareDir(options.ResolveDir());
        using var devnetLock = await DevnetLock.AcquireAsync(dir, options.LockTimeout, progress, cancellationToken).ConfigureAwait(false);

        if (options.Fresh)
        {
            await StopAllAsync(dir, DevnetState.Load(dir), null, progress, cancellationToken).ConfigureAwait(false);
            Wipe(dir, progress);
        }

        var tools = options.InstallPrerequisites
            ? await Prerequisites.EnsureAsync(paths, options.CompileContracts, progress, cancellationToken).ConfigureAwait(false)
            : await Prerequisites.LocateAsync(paths, cancellationToken).ConfigureAwait(false);
        if (!options.InstallPrerequisites && options.CompileContracts)
        {
            await Prerequisites.CompileContractsAsync(paths, progress, cancellationToken).ConfigureAwait(false);
        }

        var state = DevnetState.Load(dir) ?? new DevnetState();
        state.Dir = dir;
        state.ChainId = options.ChainId;
        var ports = new PortReservations();
        var pg = PostgresSettingsFor(dir, tools.PostgresBinDir, 0);
        try
        {
            await Task.WhenAll(
                EnsurePostgresAsync(state, pg, options, ports, progress, cancellationToken),
                EnsureRedisAsync(state, tools, dir, options, ports, progress, cancellationToken),
                EnsureAnvilAsync(state, tools, dir, options, ports, progress, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            state.Save(dir); // also when one server failed: the others are recorded so `down` can stop them
        }
        await ForgetVanishedContractsAsync(state, progress, cancellationToken).ConfigureAwait(false);
        state.Save(dir);
        return state;
    }

    /// <summary>
    /// Stops exactly the recorded processes (anvil: SIGTERM so it writes its chain file, SIGKILL after 30 s;
    /// redis: SIGTERM; PostgreSQL: `pg_ctl stop -m fast`, then signals) and clears their records. With
    /// <see cref="DevnetOptions.Fresh"/> the folder's data is wiped afterwards.
    /// </summary>
    public static async Task DownAsync(DevnetOptions? options = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= DevnetOptions.FromEnvironment();
        var dir = options.ResolveDir();
        if (!Directory.Exists(dir))
        {
            progress?.Report($"no devnet in {dir}");
            return;
        }
        using var devnetLock = await DevnetLock.AcquireAsync(dir, options.LockTimeout, progress, cancellationToken).ConfigureAwait(false);
        var state = DevnetState.Load(dir);
        string? pgBin = null;
        try
        {
            pgBin = (await Prerequisites.LocateAsync(options.ResolvePaths(), cancellationToken).ConfigureAwait(false)).PostgresBinDir;
        }
        catch (DevnetException ex)
        {
            progress?.Report($"({ex.Message}: PostgreSQL will be stopped by signal)");
        }
        await StopAllAsync(dir, state, pgBin, progress, cancellationToken).ConfigureAwait(false);
        if (options.Fresh)
        {
            Wipe(dir, progress);
        }
        else if (state is not null)
        {
            if (!options.PersistChain || !File.Exists(Path.Combine(dir, AnvilStateFile))) state.ClearContracts();
            state.Save(dir);
        }
    }

    /// <summary>What runs: for each server whether its recorded PID is alive and whether it answers. Takes no lock.</summary>
    public static async Task<DevnetStatus> StatusAsync(DevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DevnetOptions.FromEnvironment();
        var dir = options.ResolveDir();
        var state = Directory.Exists(dir) ? DevnetState.Load(dir) : null;
        var chainId = state?.ChainId ?? options.ChainId;
        var services = new List<ServiceStatus>
        {
            await ProbeAsync("postgres", state?.Postgres, (r, ct) => PostgresServer.IsAnsweringAsync(r, PostgresSettings.DefaultDatabase, ct), cancellationToken).ConfigureAwait(false),
            await ProbeAsync("redis", state?.Redis, RedisServer.IsAnsweringAsync, cancellationToken).ConfigureAwait(false),
            await ProbeAsync("anvil", state?.Anvil, (r, ct) => AnvilServer.IsAnsweringAsync(r, chainId, ct), cancellationToken).ConfigureAwait(false),
        };
        if (state is { Node: { } node, NodeEndpoints: { } endpoints })
        {
            services.Add(await ProbeAsync("node", node, (_, ct) => NodeService.IsAnsweringAsync(endpoints, ct), cancellationToken).ConfigureAwait(false));
        }

        return new DevnetStatus(dir, state, services);
    }

    private static async Task<ServiceStatus> ProbeAsync(string name, ServiceRecord? record,
        Func<ServiceRecord, CancellationToken, Task<bool>> answering, CancellationToken cancellationToken)
    {
        if (record is null) return new ServiceStatus(name, null, false, false);
        var alive = record.IsProcessAlive();
        var answers = alive && await answering(record, cancellationToken).ConfigureAwait(false);
        return new ServiceStatus(name, record, alive, answers);
    }

    private static async Task EnsurePostgresAsync(DevnetState state, PostgresSettings pg, DevnetOptions options,
        PortReservations ports, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        state.Postgres = await new ServiceLifecycle("postgres", progress).EnsureAsync(
            state.Postgres, options.PostgresPort, ports,
            (r, ct) => PostgresServer.IsAnsweringAsync(r, pg.Database, ct),
            (r, ct) => PostgresServer.StopAsync(r, pg, ct),
            async (port, ct) => (await PostgresServer.StartAsync(new PostgresSettings { BinDir = pg.BinDir, Directory = pg.Directory, Port = port }, progress, ct)
                .ConfigureAwait(false)).Record,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureRedisAsync(DevnetState state, ToolPaths tools, string dir, DevnetOptions options,
        PortReservations ports, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        state.Redis = await new ServiceLifecycle("redis", progress).EnsureAsync(
            state.Redis, options.RedisPort, ports,
            RedisServer.IsAnsweringAsync,
            RedisServer.StopAsync,
            async (port, ct) => (await RedisServer.StartAsync(
                new RedisSettings { ServerPath = tools.RedisServer, Port = port, LogPath = Path.Combine(dir, "redis.log") }, ct)
                .ConfigureAwait(false)).Record,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureAnvilAsync(DevnetState state, ToolPaths tools, string dir, DevnetOptions options,
        PortReservations ports, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromSeconds(30);
        state.Anvil = await new ServiceLifecycle("anvil", progress).EnsureAsync(
            state.Anvil, options.AnvilPort, ports,
            (r, ct) => AnvilServer.IsAnsweringAsync(r, options.ChainId, ct),
            (r, ct) => AnvilServer.StopAsync(r, grace, ct),
            async (port, ct) => (await AnvilServer.StartAsync(new AnvilSettings
            {
                BinaryPath = tools.Anvil,
                Port = port,
                ChainId = options.ChainId,
                BlockGasLimit = options.BlockGasLimit,
                BlockTimeSeconds = options.BlockTimeSeconds,
                StatePath = options.PersistChain ? Path.Combine(dir, AnvilStateFile) : null,
                LogPath = Path.Combine(dir, "anvil.log"),
                StopGrace = grace,
            }, ct).ConfigureAwait(false)).Record,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task ForgetVanishedContractsAsync(DevnetState state, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (state.Contracts.Count == 0 || state.Anvil is null) return;
        var rpc = new Uri(state.Anvil.Url);
        foreach (var (name, (address, _)) in state.Contracts)
        {
            if (await AnvilServer.HasCodeAsync(rpc, address, cancellationToken).ConfigureAwait(false)) continue;
            progress?.Report($"anvil: the chain has no code at {name} {address} (chain reset); forgetting the deployment");
            state.ClearContracts();
            return;
        }
    }

    private static async Task StopAllAsync(string dir, DevnetState? state, string? pgBin, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (state is null) return;
        if (state.Node is { } node)
        {
            // the node first: it holds connections to PostgreSQL and anvil and commits what it mapped on SIGTERM
            await Stop("node", node, () => NodeService.StopAsync(node, TimeSpan.FromSeconds(30), cancellationToken)).ConfigureAwait(false);
            state.Node = null;
            state.NodeEndpoints = null;
        }

        var stops = new List<Task>();
        if (state.Anvil is { } anvil)
        {
            stops.Add(Stop("anvil", anvil, () => AnvilServer.StopAsync(anvil, TimeSpan.FromSeconds(30), cancellationToken)));
        }
        if (state.Redis is { } redis)
        {
            stops.Add(Stop("redis", redis, () => RedisServer.StopAsync(redis, cancellationToken)));
        }
        if (state.Postgres is { } postgres)
        {
            stops.Add(Stop("postgres", postgres, () => pgBin is null
                ? ProcessTable.StopAsync(postgres.IsProcessAlive() ? postgres.Pid : 0, TimeSpan.FromSeconds(15), cancellationToken, NativeMethods.SigInt)
                : PostgresServer.StopAsync(postgres, PostgresSettingsFor(dir, pgBin, postgres.Port), cancellationToken)));
        }
        await Task.WhenAll(stops).ConfigureAwait(false);
        state.Anvil = state.Redis = state.Postgres = null;

        async Task Stop(string name, ServiceRecord record, Func<Task> stop)
        {
            if (!record.IsProcessAlive())
            {
                progress?.Report($"{name}: pid {record.Pid} was not running");
                return;
            }
            await stop().ConfigureAwait(false);
            progress?.Report(record.IsProcessAlive() ? $"{name}: pid {record.Pid} is STILL running" : $"{name}: stopped (pid {record.Pid})");
        }
    }

    private static PostgresSettings PostgresSettingsFor(string dir, string binDir, int port) =>
        new() { BinDir = binDir, Directory = Path.Combine(dir, "postgres"), Port = port };

    /// <summary>Creates the folder and opens it to the postgres user (0755), since PostgreSQL's folders live inside.</summary>
    private static string PrepareDir(string dir)
    {
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        return dir;
    }

    private static void Wipe(string dir, IProgress<string>? progress)
    {
        progress?.Report($"wiping {dir}");
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry.Name == DevnetLock.FileName) continue;
            if (entry is DirectoryInfo d) d.Delete(recursive: true);
            else entry.Delete();
        }
    }
}
