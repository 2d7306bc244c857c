using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DePin.Index.Devnet;

namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>
/// The erc20 fixture subgraph built by the pinned graph-cli (tests/fixtures/subgraphs/erc20; subgraphs/build.sh builds it
/// when its build/ folder is missing or stale), and uploads of it the way graph-cli does them: each linked file added to
/// IPFS, then the manifest with its file links rewritten to <c>{"/": "/ipfs/Qm…"}</c>.
/// </summary>
public static partial class Erc20Fixture
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    public static string Folder => Path.Combine(RepoPaths.Find().Root, "tests", "fixtures", "subgraphs", "erc20");

    public static string BuildFolder => Path.Combine(Folder, "build");

    /// <summary>Runs subgraphs/build.sh erc20 once per test run (it is a no-op when the sources did not change).</summary>
    public static async Task EnsureBuiltAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built)
            {
                return;
            }

            var script = Path.Combine(RepoPaths.Find().Root, "subgraphs", "build.sh");
            var (code, output) = await RunAsync("bash", [script, "erc20"], RepoPaths.Find().Root, TimeSpan.FromMinutes(5));
            Assert.True(code == 0 && File.Exists(Path.Combine(BuildFolder, "subgraph.yaml")), $"subgraphs/build.sh erc20 failed ({code}):\n{output}");
            _built = true;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    /// <summary>
    /// Uploads the built subgraph through the node's IPFS API and returns the manifest's hash. <paramref name="edit"/>
    /// changes a file's text before upload (key: path relative to build/, e.g. <c>schema.graphql</c>, or <c>subgraph.yaml</c>
    /// for the manifest after its links are rewritten).
    /// </summary>
    public static async Task<string> UploadAsync(TestNode node, Func<string, string, string>? edit = null)
    {
        await EnsureBuiltAsync();
        var manifest = await File.ReadAllTextAsync(Path.Combine(BuildFolder, "subgraph.yaml"));
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in FileLine().Matches(manifest))
        {
            var relative = m.Groups[2].Value;
            if (hashes.ContainsKey(relative))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(Path.Combine(BuildFolder, relative));
            if (edit is not null && !relative.EndsWith(".wasm", StringComparison.Ordinal))
            {
                bytes = Encoding.UTF8.GetBytes(edit(relative, Encoding.UTF8.GetString(bytes)));
            }

            hashes[relative] = await node.AddFileAsync(relative, bytes);
        }

        var linked = FileLine().Replace(manifest, m => $"{m.Groups[1].Value}file: {{\"/\": \"/ipfs/{hashes[m.Groups[2].Value]}\"}}");
        if (edit is not null)
        {
            linked = edit("subgraph.yaml", linked);
        }

        return await node.AddFileAsync("subgraph.yaml", Encoding.UTF8.GetBytes(linked));
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^(\s*)file: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex FileLine();
}
