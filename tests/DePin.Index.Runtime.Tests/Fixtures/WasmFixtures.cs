using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DePin.Index.Runtime.Tests.Fixtures;

/// <summary>
/// Builds the AssemblyScript test modules of <c>tests/fixtures/wasm</c> with graph-cli's
/// <c>asc</c> (see <c>build.cjs</c>), once per source hash, into the git-ignored
/// <c>tests/DePin.Index.Runtime.Tests/wasm-build/</c>. The compiler comes from
/// <c>$DEPIN_GRAPH_NODE_MODULES</c> or <c>subgraphs/node_modules</c>.
/// </summary>
internal static class WasmFixtures
{
    private static readonly Lock Gate = new();
    private static string? _outputDir;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SourceDir => Path.Combine(RepoRoot, "tests", "fixtures", "wasm");

    /// <summary>The compiled bytes of fixture <paramref name="name"/> (file name without <c>.ts</c>).</summary>
    public static byte[] Get(string name) => File.ReadAllBytes(Path.Combine(EnsureBuilt(), name + ".wasm"));

    private static string EnsureBuilt()
    {
        lock (Gate)
        {
            if (_outputDir is not null)
            {
                return _outputDir;
            }

            var nodeModules = FindNodeModules();
            var sources = Directory.GetFiles(SourceDir, "*.ts", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var entries = Directory.GetFiles(SourceDir, "*.ts").Order(StringComparer.Ordinal).ToArray();
            var hash = Hash(sources.Append(Path.Combine(SourceDir, "build.cjs")), nodeModules);
            var output = Path.Combine(RepoRoot, "tests", "DePin.Index.Runtime.Tests", "wasm-build", hash);
            if (!entries.All(e => File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(e) + ".wasm"))))
            {
                var staging = output + ".tmp-" + Environment.ProcessId;
                Directory.CreateDirectory(staging);
                Run("node", [Path.Combine(SourceDir, "build.cjs"), nodeModules, staging, .. entries]);
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }

                Directory.Move(staging, output);
            }

            _outputDir = output;
            return output;
        }
    }

    private static string FindNodeModules()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DEPIN_GRAPH_NODE_MODULES"),
            Path.Combine(RepoRoot, "subgraphs", "node_modules"),
        };
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "assemblyscript", "cli", "asc.js"))
                && File.Exists(Path.Combine(candidate, "@graphprotocol", "graph-ts", "global", "global.ts")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new InvalidOperationException(
            "graph-cli's AssemblyScript compiler was not found: run `npm ci` in subgraphs/ (graph-cli 0.98.1, graph-ts 0.38.2) " +
            "or set DEPIN_GRAPH_NODE_MODULES to a node_modules directory containing assemblyscript and @graphprotocol/graph-ts");
    }

    private static string Hash(IEnumerable<string> files, string nodeModules)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(SourceDir, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }

        foreach (var package in new[] { "assemblyscript", Path.Combine("@graphprotocol", "graph-ts") })
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(nodeModules, package, "package.json")));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("compiling the AssemblyScript test modules took more than 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"asc failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DePin.Index.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (DePin.Index.sln) not found above " + AppContext.BaseDirectory);
    }
}
