using System.Diagnostics;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// Runs <c>subgraphs/build.sh depin erc20 &lt;this project&gt;/subgraphs/templates</c> once per test run (the pinned graph-cli's codegen + build; a no-op
/// when the sources are unchanged), so tests can load graph-cli's <c>build/</c> output.
/// </summary>
internal static class SubgraphBuild
{
    private static readonly Lazy<(int ExitCode, string Output)> Result = new(Run);

    /// <summary>graph-cli's <c>build/subgraph.yaml</c> of the DePIN subgraph.</summary>
    public static string DepinManifest => Ensure(Path.Combine(TestPaths.DepinSubgraph, "build", "subgraph.yaml"));

    /// <summary>graph-cli's <c>build/subgraph.yaml</c> of this project's template fixture (<c>subgraphs/templates</c>).</summary>
    public static string TemplatesManifest => Ensure(Path.Combine(TestPaths.TemplatesSubgraph, "build", "subgraph.yaml"));

    /// <summary>graph-cli's <c>build/subgraph.yaml</c> of the ERC-20 fixture subgraph.</summary>
    public static string Erc20Manifest => Ensure(Path.Combine(TestPaths.Erc20Subgraph, "build", "subgraph.yaml"));

    private static string Ensure(string path)
    {
        var (code, output) = Result.Value;
        if (code != 0)
        {
            throw new InvalidOperationException($"subgraphs/build.sh failed with exit code {code}:\n{output}");
        }

        return path;
    }

    private static (int, string) Run()
    {
        var psi = new ProcessStartInfo("bash", [TestPaths.BuildScript, "depin", "erc20", TestPaths.TemplatesSubgraph])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.Root,
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
