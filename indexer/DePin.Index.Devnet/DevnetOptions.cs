using System.Globalization;

namespace DePin.Index.Devnet;

/// <summary>
/// Settings of <see cref="LocalDevnet"/>. Ports are preferences: when one is busy (another program, another
/// devnet) a free port is taken instead and recorded in state.json; 0 always takes a free port.
/// Environment overrides (<see cref="FromEnvironment"/>): DEPIN_DEVNET_DIR, DEPIN_POSTGRES_PORT, DEPIN_REDIS_PORT,
/// DEPIN_ANVIL_PORT.
/// </summary>
public sealed class DevnetOptions
{
    /// <summary>The devnet folder (state.json, data, logs); null = .devnet/ in the repository.</summary>
    public string? Dir { get; set; }

    /// <summary>The repository; null = <see cref="RepoPaths.Find()"/>.</summary>
    public RepoPaths? Paths { get; set; }

    /// <summary>Preferred PostgreSQL port (default 5432).</summary>
    public int PostgresPort { get; set; } = PostgresSettings.DefaultPort;

    /// <summary>Preferred Redis port (default 6379).</summary>
    public int RedisPort { get; set; } = RedisSettings.DefaultPort;

    /// <summary>Preferred anvil JSON-RPC port (default 8545).</summary>
    public int AnvilPort { get; set; } = AnvilSettings.DefaultPort;

    /// <summary>Chain id (default 31337).</summary>
    public long ChainId { get; set; } = AnvilSettings.DefaultChainId;

    /// <summary>Block gas limit in gas (default 100 M, see <see cref="AnvilSettings.DefaultBlockGasLimit"/>).</summary>
    public long BlockGasLimit { get; set; } = AnvilSettings.DefaultBlockGasLimit;

    /// <summary>Seconds between blocks; null = automine (default).</summary>
    public int? BlockTimeSeconds { get; set; }

    /// <summary>Keep the chain across `down`/`up` in DIR/anvil-state.json (anvil --state; default true).</summary>
    public bool PersistChain { get; set; } = true;

    /// <summary>`up`: stop everything and wipe the devnet folder first. `down`: wipe it after stopping.</summary>
    public bool Fresh { get; set; }

    /// <summary>Install what is missing (npm ci, apt-get) before starting (default true); false only locates the tools.</summary>
    public bool InstallPrerequisites { get; set; } = true;

    /// <summary>Run `node deploy/compile.mjs` during `up` (default true).</summary>
    public bool CompileContracts { get; set; } = true;

    /// <summary>How long `up`/`down` wait for another `up`/`down` on the same folder to finish (default 5 min).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Options with the DEPIN_* environment overrides applied.</summary>
    public static DevnetOptions FromEnvironment()
    {
        var options = new DevnetOptions();
        var dir = Environment.GetEnvironmentVariable("DEPIN_DEVNET_DIR");
        if (!string.IsNullOrWhiteSpace(dir)) options.Dir = dir;
        options.PostgresPort = PortFromEnvironment("DEPIN_POSTGRES_PORT", options.PostgresPort);
        options.RedisPort = PortFromEnvironment("DEPIN_REDIS_PORT", options.RedisPort);
        options.AnvilPort = PortFromEnvironment("DEPIN_ANVIL_PORT", options.AnvilPort);
        return options;
    }

    internal RepoPaths ResolvePaths() => Paths ??= RepoPaths.Find();

    /// <summary>The devnet folder, absolute.</summary>
    public string ResolveDir() => Path.GetFullPath(Dir ?? ResolvePaths().DefaultDevnetDir);

    private static int PortFromEnvironment(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new DevnetException($"{name}={text} is not a port number");
    }
}
