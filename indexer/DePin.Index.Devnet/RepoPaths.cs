namespace DePin.Index.Devnet;

/// <summary>
/// Where things live in the repository: the root is the folder holding DePin.Index.sln, found by walking up
/// from the program's folder and then from the current directory; the environment variable DEPIN_HOME overrides.
/// </summary>
public sealed class RepoPaths
{
    public const string SolutionFile = "DePin.Index.sln";
    public const string HomeVariable = "DEPIN_HOME";

    private RepoPaths(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The repository root (holds DePin.Index.sln).</summary>
    public string Root { get; }

    /// <summary>deploy/: contracts, compile.mjs, the pinned npm tools.</summary>
    public string Deploy => Path.Combine(Root, "deploy");

    /// <summary>deploy/package-lock.json, the pin of anvil and solc.</summary>
    public string DeployPackageLock => Path.Combine(Deploy, "package-lock.json");

    /// <summary>deploy/node_modules/.</summary>
    public string DeployNodeModules => Path.Combine(Deploy, "node_modules");

    /// <summary>The anvil binary of the pinned platform package.</summary>
    public string AnvilBinary => Path.Combine(DeployNodeModules, "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>deploy/compile.mjs.</summary>
    public string CompileScript => Path.Combine(Deploy, "compile.mjs");

    /// <summary>deploy/build/: one &lt;Contract&gt;.json per compiled contract (git-ignored).</summary>
    public string ContractsBuild => Path.Combine(Deploy, "build");

    /// <summary>The default devnet folder .devnet/ (git-ignored): state.json, server data and logs.</summary>
    public string DefaultDevnetDir => Path.Combine(Root, ".devnet");

    /// <summary>The compiled artefact of one contract, e.g. deploy/build/DeviceRegistry.json.</summary>
    public string ContractArtifact(string contractName) => Path.Combine(ContractsBuild, contractName + ".json");

    /// <summary>Paths under an explicit root (must hold DePin.Index.sln).</summary>
    public static RepoPaths At(string root)
    {
        if (!File.Exists(Path.Combine(root, SolutionFile)))
        {
            throw new DevnetException($"{Path.GetFullPath(root)} is not the repository root (no {SolutionFile})");
        }
        return new RepoPaths(root);
    }

    /// <summary>Finds the repository from DEPIN_HOME, the program's folder or the current directory.</summary>
    public static RepoPaths Find() =>
        Find(Environment.GetEnvironmentVariable(HomeVariable), [AppContext.BaseDirectory, Environment.CurrentDirectory]);

    /// <summary>
    /// Finds the repository: <paramref name="home"/> when given (it must be the root), else the first folder
    /// holding DePin.Index.sln on the way up from each start folder in turn.
    /// </summary>
    public static RepoPaths Find(string? home, IEnumerable<string> startFolders)
    {
        if (!string.IsNullOrWhiteSpace(home)) return At(home);
        var tried = new List<string>();
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return new RepoPaths(dir.FullName);
            }
            tried.Add(start);
        }
        throw new DevnetException(
            $"cannot find the repository ({SolutionFile}) above {string.Join(" or ", tried)}; set {HomeVariable} to its root");
    }
}
