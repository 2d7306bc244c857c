using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// Makes sure this machine has what the devnet needs, installing what is missing and reporting each step:
/// <list type="number">
/// <item>the pinned npm tools (anvil, solc): `npm ci` in deploy/ when node_modules is missing or older than package-lock.json;</item>
/// <item>redis-server: Debian's package (`apt-get update` + `apt-get install -y redis-server`, root only) when not on PATH;</item>
/// <item>PostgreSQL 15: /usr/lib/postgresql/15/bin, else where `dpkg -L postgresql-15` puts initdb, else `apt-get install -y postgresql-15`;</item>
/// <item>the contracts: `node deploy/compile.mjs` (a no-op when the sources did not change).</item>
/// </list>
/// </summary>
public static class Prerequisites
{
    public const string DebianPostgresBin = "/usr/lib/postgresql/15/bin";

    /// <summary>Installs what is missing (see the type's summary) and returns where the tools are.</summary>
    public static async Task<ToolPaths> EnsureAsync(
        RepoPaths paths, bool compileContracts = true, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var apt = new AptInstaller(progress);
        await EnsureNpmToolsAsync(paths, progress, cancellationToken).ConfigureAwait(false);

        var redis = FindOnPath("redis-server");
        if (redis is null)
        {
            await apt.InstallAsync("redis-server", cancellationToken).ConfigureAwait(false);
            redis = FindOnPath("redis-server") ?? throw new DevnetException("redis-server is still not on PATH after apt-get install");
        }

        var pgBin = await FindPostgresBinAsync(cancellationToken).ConfigureAwait(false);
        if (pgBin is null)
        {
            await apt.InstallAsync("postgresql-15", cancellationToken).ConfigureAwait(false);
            pgBin = await FindPostgresBinAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new DevnetException("PostgreSQL 15's initdb is still missing after apt-get install postgresql-15");
        }

        if (compileContracts) await CompileContractsAsync(paths, progress, cancellationToken).ConfigureAwait(false);
        progress?.Report($"tools: postgres {pgBin}, {redis}, anvil {paths.AnvilBinary}");
        return new ToolPaths(pgBin, redis, paths.AnvilBinary);
    }

    /// <summary>Finds the tools without installing anything; throws a <see cref="DevnetException"/> naming what is missing.</summary>
    public static async Task<ToolPaths> LocateAsync(RepoPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var missing = new List<string>();
        var redis = FindOnPath("redis-server");
        if (redis is null) missing.Add("redis-server (apt-get install redis-server)");
        var pgBin = await FindPostgresBinAsync(cancellationToken).ConfigureAwait(false);
        if (pgBin is null) missing.Add("PostgreSQL 15 (apt-get install postgresql-15)");
        if (!File.Exists(paths.AnvilBinary)) missing.Add("anvil (npm ci in deploy/)");
        if (missing.Count > 0) throw new DevnetException("missing: " + string.Join(", ", missing));
        return new ToolPaths(pgBin!, redis!, paths.AnvilBinary);
    }

    /// <summary>True when deploy/node_modules is missing or older than deploy/package-lock.json.</summary>
    public static bool NpmToolsStale(RepoPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        // npm ci writes node_modules/.package-lock.json last: its time is when the install finished.
        var marker = Path.Combine(paths.DeployNodeModules, ".package-lock.json");
        if (!File.Exists(marker) || !File.Exists(paths.AnvilBinary)) return true;
        return File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(paths.DeployPackageLock);
    }

    public static async Task EnsureNpmToolsAsync(RepoPaths paths, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!NpmToolsStale(paths)) return;
        // Parallel test runs would otherwise run two `npm ci` in one folder (ENOTEMPTY): one waits, then finds it done.
        var lockName = $"depin-npm-ci-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(paths.Deploy)))[..16]}.lock";
        using var npmLock = await DevnetLock.AcquireFileAsync(Path.Combine(Path.GetTempPath(), lockName), TimeSpan.FromMinutes(10),
            progress, cancellationToken).ConfigureAwait(false);
        if (!NpmToolsStale(paths)) return;
        progress?.Report("npm ci in deploy/ (anvil, solc)");
        var result = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken,
            workingDirectory: paths.Deploy, timeout: TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        result.EnsureSuccess();
        if (!File.Exists(paths.AnvilBinary)) throw new DevnetException($"npm ci finished but {paths.AnvilBinary} is missing");
    }

    /// <summary>Runs `node deploy/compile.mjs` (it skips the compiler when the sources did not change).</summary>
    public static async Task CompileContractsAsync(RepoPaths paths, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        progress?.Report("contracts: node deploy/compile.mjs");
        var result = await ProcessRunner.RunAsync("node", [paths.CompileScript], cancellationToken, workingDirectory: paths.Deploy,
            timeout: TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DevnetException($"contract compilation failed:\n{result.StandardError.Trim()}\n{result.StandardOutput.Trim()}");
        }
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            progress?.Report("contracts: " + line);
        }
    }

    /// <summary>The first executable named <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }
        return null;
    }

    private static async Task<string?> FindPostgresBinAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DebianPostgresBin, "initdb"))) return DebianPostgresBin;
        if (FindOnPath("dpkg") is null) return null;
        var list = await ProcessRunner.RunAsync("dpkg", ["-L", "postgresql-15"], cancellationToken).ConfigureAwait(false);
        if (!list.Succeeded) return null;
        var initdb = list.StandardOutput.Split('\n', StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.EndsWith("/bin/initdb", StringComparison.Ordinal) && File.Exists(l));
        return initdb is null ? null : Path.GetDirectoryName(initdb);
    }
}
