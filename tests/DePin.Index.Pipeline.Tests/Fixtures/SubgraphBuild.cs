using System.Diagnostics;
using DePin.Index.Devnet;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// Runs <c>subgraphs/build.sh depin</c> once per test run (graph-cli's codegen + build of the DePIN subgraph; a no-op when its
/// sources are unchanged; concurrent runs are serialised by the script), so tests index graph-cli's real wasm.
/// </summary>
internal static class SubgraphBuild
{
    private static readonly Lazy<(int ExitCode, string Output)> Result = new(Run);

    public static string Root { get; } = RepoPaths.Find().Root;

    /// <summary>graph-cli's <c>build/</c> folder of the DePIN subgraph.</summary>
    public static string DepinBuild
    {
        get
        {
            var (code, output) = Result.Value;
            return code == 0 ? Path.Combine(Root, "subgraphs", "depin", "build") : throw new InvalidOperationException($"subgraphs/build.sh failed ({code}):\n{output}");
        }
    }

    private static (int, string) Run()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Root, "subgraphs", "build.sh"), "depin"])
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
