using System.Diagnostics;
using DePin.Index.Devnet;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// Runs <c>subgraphs/build.sh depin &lt;this project&gt;/subgraphs/registrations</c> once per test run (graph-cli's codegen +
/// build of the DePIN subgraph and of this project's dynamic-data-source fixture; a no-op when their sources are unchanged;
/// concurrent runs are serialised by the script), so tests index graph-cli's real wasm.
/// </summary>
internal static class SubgraphBuild
{
    private static readonly Lazy<(int ExitCode, string Output)> Result = new(Run);

    public static string Root { get; } = RepoPaths.Find().Root;

    /// <summary>graph-cli's <c>build/</c> folder of the DePIN subgraph.</summary>
    public static string DepinBuild => Ensure(Path.Combine(Root, "subgraphs", "depin", "build"));

    /// <summary>graph-cli's <c>build/</c> folder of the fixture <c>subgraphs/registrations</c> (a template created at the first registration).</summary>
    public static string RegistrationsBuild => Ensure(Path.Combine(RegistrationsFolder, "build"));

    private static string RegistrationsFolder => Path.Combine(Root, "tests", "DePin.Index.Pipeline.Tests", "subgraphs", "registrations");

    private static string Ensure(string path)
    {
        var (code, output) = Result.Value;
        return code == 0 ? path : throw new InvalidOperationException($"subgraphs/build.sh failed ({code}):\n{output}");
    }

    private static (int, string) Run()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Root, "subgraphs", "build.sh"), "depin", RegistrationsFolder])
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
