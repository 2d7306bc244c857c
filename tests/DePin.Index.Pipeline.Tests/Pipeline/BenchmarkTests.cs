using System.Globalization;
using DePin.Index.Chain;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Simulator;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// The pipeline's figures: backfill events per second end to end (anvil → block stream → WebAssembly mappings → entity cache →
/// POIs → batched PostgreSQL transactions) and chain-head latency (block mined → committed). A small run always runs (and
/// checks the result); the real measurement takes a large simulation:
/// <c>DEPIN_PIPELINE_BENCH_DEVICES=10000 DEPIN_PIPELINE_BENCH_EPOCHS=10 dotnet test tests/DePin.Index.Pipeline.Tests -c Release
/// --filter "FullyQualifiedName~BenchmarkTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class BenchmarkTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Backfill_events_per_second()
    {
        var devices = Setting("DEPIN_PIPELINE_BENCH_DEVICES", 400);
        var epochs = Setting("DEPIN_PIPELINE_BENCH_EPOCHS", 2);
        await using var chain = await TestChain.StartAsync(prune: true);
        var started = DateTime.UtcNow;
        var totals = await chain.SimulateAsync(new SimulationOptions { Devices = devices, Epochs = epochs, Seed = 5 });
        var head = await chain.HeadAsync();
        output.WriteLine($"simulation: {devices} devices × {epochs} epochs, {totals.EventsTotal:N0} logs in blocks {totals.FirstBlock}..{totals.LastBlock} " +
            $"({(DateTime.UtcNow - started).TotalSeconds:0} s)");

        var db = await postgres.CreateDatabaseAsync("bench");
        var deployment = chain.Deployment();
        await using var store = await PipelineStore.OpenAsync(db);
        var result = await PipelineBenchmarks.BackfillEventsPerSecondAsync(deployment, store, TestChain.Reader(chain.RpcUrl), head,
            DeploymentRunnerOptions.FromEnvironment(new DeploymentRunnerOptions { Stream = new BlockStreamOptions { ReorgThreshold = 0 } }));
        output.WriteLine($"backfill: {result}");
        output.WriteLine($"           {totals.EventsTotal / result.Elapsed.TotalSeconds:N0} chain logs/s (all logs of the run, handled or not)");
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, deployment.Id), totals);
    }

    [Fact]
    public async Task Chain_head_latency()
    {
        await using var chain = await TestChain.StartAsync();
        await chain.SimulateAsync(new SimulationOptions { Devices = 50, Epochs = 1, Seed = 6 });
        var db = await postgres.CreateDatabaseAsync("latency");
        await using var store = await PipelineStore.OpenAsync(db);
        var sender = await Devnet.Chain.TransactionSender.CreateAsync(chain.Rpc, chain.Contracts.AllAbis);
        var n = 0;
        var poll = Setting("DEPIN_POLL_INTERVAL_MS", 200);
        var random = new Random(3);

        // Blocks are mined at a random moment of the stream's polling cycle (else each would land right after a poll).
        async Task<(long, long)> MineAsync(CancellationToken ct)
        {
            await Task.Delay(random.Next(poll + 50), ct);
            return await chain.RegisterOneAsync(sender, $"latency-{n++}");
        }

        var result = await PipelineBenchmarks.HeadLatencyAsync(chain.Deployment(), store, TestChain.Reader(chain.RpcUrl), MineAsync,
            samples: Setting("DEPIN_PIPELINE_BENCH_LATENCY_SAMPLES", 40),
            new DeploymentRunnerOptions { Stream = new BlockStreamOptions { PollInterval = TimeSpan.FromMilliseconds(poll) } });
        output.WriteLine($"head latency with a {poll} ms poll interval: {result}");
        Assert.True(result.P50 < TimeSpan.FromSeconds(5), result.ToString());
    }

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
