using System.Diagnostics;
using DePin.Index.Devnet;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// Runs <c>subgraphs/build.sh network</c> once per test run (graph-cli's codegen + build of the network subgraph; a no-op when its
/// sources are unchanged; concurrent runs are serialised by the script), so the tests index graph-cli's real wasm.
/// </summary>
internal static class SubgraphBuild
{
    private static readonly Lazy<(int ExitCode, string Output)> Result = new(Run);

    public static string Root { get; } = RepoPaths.Find().Root;

    /// <summary>The subgraph's sources.</summary>
    public static string Folder => Path.Combine(Root, "subgraphs", "network");

    /// <summary>graph-cli's <c>build/</c> folder of the network subgraph.</summary>
    public static string NetworkBuild
    {
        get
        {
            var (code, output) = Result.Value;
            return code == 0 ? Path.Combine(Folder, "build") : throw new InvalidOperationException($"subgraphs/build.sh network failed ({code}):\n{output}");
        }
    }

    private static (int, string) Run()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Root, "subgraphs", "build.sh"), "network"])
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
