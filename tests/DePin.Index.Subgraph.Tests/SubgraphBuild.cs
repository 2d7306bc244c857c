using System.Diagnostics;

namespace DePin.Index.Subgraph.Tests;

/// <summary>
/// Runs <c>subgraphs/build.sh depin erc20</c> once per test run (graph codegen + graph build with the
/// pinned graph-cli; a no-op when the sources are unchanged), so tests can read the generated
/// subgraph.yaml, ABIs and graph-cli's build/ output.
/// </summary>
public sealed class SubgraphBuild
{
    private static readonly Lazy<(int ExitCode, string Output)> Result = new(Run);

    public SubgraphBuild()
    {
        var (code, output) = Result.Value;
        if (code != 0)
        {
            throw new InvalidOperationException($"subgraphs/build.sh failed with exit code {code}:\n{output}");
        }
    }

    private static (int, string) Run()
    {
        var psi = new ProcessStartInfo("bash", [RepoPaths.BuildScript, "depin", "erc20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
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
