using System.Collections.Concurrent;
using System.Diagnostics;
using DePin.Index.Devnet;

namespace DePin.Index.TestSupport;

/// <summary>
/// graph-cli's real builds for tests: <c>subgraphs/build.sh NAME…</c> run once per set of names and process (a no-op when the
/// sources are unchanged; concurrent runs are serialised by the script). Returns build/ folders.
/// </summary>
public static class SubgraphBuilds
{
    private static readonly ConcurrentDictionary<string, Lazy<(int Code, string Output)>> Runs = new(StringComparer.Ordinal);

    public static string Root { get; } = RepoPaths.Find().Root;

    /// <summary>The build/ folder of subgraphs/depin.</summary>
    public static string Depin => Build(Path.Combine(Root, "subgraphs", "depin"));

    /// <summary>Builds the subgraph folder (absolute, or a name under subgraphs/); its build/ folder.</summary>
    public static string Build(string folder)
    {
        var (code, output) = Runs.GetOrAdd(folder, f => new Lazy<(int, string)>(() => Run(f))).Value;
        return code == 0 ? Path.Combine(folder, "build") : throw new InvalidOperationException($"subgraphs/build.sh {folder} failed ({code}):\n{output}");
    }

    private static (int, string) Run(string folder)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Root, "subgraphs", "build.sh"), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 8 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
