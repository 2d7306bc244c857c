using System.Globalization;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Pipeline.Tests;

/// <summary>
/// The test assembly as a program: <c>dotnet DePin.Index.Pipeline.Tests.dll index CONNECTION RPC_URL MANIFEST_FILE BUILD_DIR STOP_BLOCK</c>
/// runs one indexer until the stop block is committed, printing <c>committed N</c> after every commit — the child process the
/// kill test ends with SIGKILL at random moments. (The test host does not use this entry point.)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 6 || args[0] != "index")
        {
            await Console.Error.WriteLineAsync("usage: index CONNECTION RPC_URL MANIFEST_FILE BUILD_DIR STOP_BLOCK");
            return 2;
        }

        var (connection, rpc, manifestFile, build) = (args[1], new Uri(args[2]), args[3], args[4]);
        var stop = long.Parse(args[5], CultureInfo.InvariantCulture);
        var text = await File.ReadAllTextAsync(manifestFile);
        var definition = SubgraphDefinition.From(SubgraphManifest.Parse(text, Path.Combine(build, "subgraph.yaml"), build));
        var deployment = new DeploymentDescriptor(DeploymentIds.Of(text), definition, await File.ReadAllTextAsync(Path.Combine(build, "schema.graphql")), text);
        await using var store = await PipelineStore.OpenAsync(connection);
        var runner = new DeploymentRunner(deployment, store, TestChain.Reader(rpc), RunningIndexer.Options(stopBlock: stop) with
        {
            MaxBlocksPerBatch = 7,
            OnCommitted = c => Console.WriteLine($"committed {c.Cursor.Number}"),
        });
        var state = await runner.RunAsync();
        Console.WriteLine($"state {state}");
        return state == RunnerState.Completed ? 0 : 1;
    }
}
