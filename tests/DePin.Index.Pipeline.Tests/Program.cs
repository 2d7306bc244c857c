using System.Globalization;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.TestSupport;

namespace DePin.Index.Pipeline.Tests;

/// <summary>
/// The test assembly as a program: <c>dotnet DePin.Index.Pipeline.Tests.dll index CONNECTION RPC_URL MANIFEST_FILE BUILD_DIR STOP_BLOCK</c>
/// runs one indexer until the stop block is committed, printing <c>committed N</c> after every commit — the child process the
/// kill test ends with SIGKILL at random moments. <c>… bench DEVICES EPOCHS</c> runs the backfill benchmark outside the test
/// host (for profilers): a pruned anvil, a simulation, a throwaway PostgreSQL (or <c>DEPIN_TEST_POSTGRES_URL</c>'s server).
/// (The test host does not use this entry point.)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "bench")
        {
            return await BenchAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        }

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

    private static async Task<int> BenchAsync(int devices, int epochs)
    {
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        try
        {
            await using var chain = await TestChain.StartAsync(prune: true);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var totals = await chain.SimulateAsync(new Simulator.SimulationOptions { Devices = devices, Epochs = epochs, Seed = 5 });
            Console.WriteLine($"simulation: {totals.EventsTotal:N0} logs in blocks {totals.FirstBlock}..{totals.LastBlock}, {clock.Elapsed.TotalSeconds:0} s");
            var db = await postgres.CreateDatabaseAsync("bench");
            if (Environment.GetEnvironmentVariable("DEPIN_BENCH_PAUSE_FILE") is { Length: > 0 } pause)
            {
                // For a profiler attached by process id: start the backfill once the file exists.
                Console.WriteLine($"pid {Environment.ProcessId}: waiting for {pause}");
                while (!File.Exists(pause))
                {
                    await Task.Delay(100);
                }
            }

            await using var store = await PipelineStore.OpenAsync(db);
            var result = await PipelineBenchmarks.BackfillEventsPerSecondAsync(chain.Deployment(), store, TestChain.Reader(chain.RpcUrl),
                await chain.HeadAsync(), DeploymentRunnerOptions.FromEnvironment(new DeploymentRunnerOptions { Stream = new Chain.BlockStreamOptions { ReorgThreshold = 0 } }));
            Console.WriteLine($"backfill: {result}");
            if (Environment.GetEnvironmentVariable("DEPIN_BENCH_IN_MEMORY") == "1")
            {
                // The same blocks through the subgraph alone (no chain, no database), for comparison.
                var deployment = chain.Deployment();
                var blocks = new List<Chain.BlockWithTriggers>();
                await using (var stream = new Chain.PollingBlockStream(TestChain.Reader(chain.RpcUrl),
                                 Chain.DataSourceInstance.FromManifest(deployment.Definition.Manifest).Select(d => d.WithEndBlock(totals.LastBlock)), null,
                                 new Chain.BlockStreamOptions { ReorgThreshold = 0 }))
                {
                    await foreach (var e in stream.ReadAllAsync())
                    {
                        blocks.AddRange(((Chain.ProcessBlocks)e).Blocks);
                    }
                }

                Console.WriteLine($"in memory: {Indexing.IndexingBenchmarks.EventsPerSecondInMemory(deployment.Definition, blocks)}");
            }

            Console.WriteLine($"GCs: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; " +
                $"allocated {GC.GetTotalAllocatedBytes() / 1048576} MiB; heap {GC.GetTotalMemory(false) / 1048576} MiB; server GC {System.Runtime.GCSettings.IsServerGC}");
            return 0;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }
}
