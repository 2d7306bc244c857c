using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// The runner reads the chain through <see cref="FaultInjectingProxy"/>, which spoils about 20 % of the JSON-RPC calls (dropped
/// connections before and after the node answered, 5xx, 429, truncated bodies, delays), with the client's own retries turned
/// off so that the block stream and the runner must cope. Backfill and then following the head through eight rounds of new blocks end with
/// exactly the tables, POIs and cursor of a clean index of the same chain.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RpcFaultTests(PostgresFixture postgres, SimulatedChain chain, ITestOutputHelper output) : IClassFixture<SimulatedChain>
{
    [Fact]
    public async Task Faults_on_a_fifth_of_the_RPC_calls_change_nothing_in_the_result()
    {
        var deployment = chain.Chain.Deployment();
        await using var proxy = new FaultInjectingProxy(chain.Chain.RpcUrl, faultRate: 0.2, seed: 2024);
        var reader = TestChain.Reader(proxy.Url, new JsonRpcClientOptions { Url = proxy.Url, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(20) });
        var db = await postgres.CreateDatabaseAsync();
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, reader, RunningIndexer.Options(reorgThreshold: 80) with { MaxBlocksPerBatch = 10 });
        await indexer.WaitForBlockAsync(chain.Head);
        var head = chain.Head;
        for (var round = 0; round < 8; round++)
        {
            head = await chain.Chain.MineBranchAsync(5, $"more{round}");
            await indexer.WaitForBlockAsync(head);
        }

        Assert.Equal(RunnerState.Stopped, await indexer.StopAsync());
        var status = indexer.Runner.Status;
        output.WriteLine($"{proxy.Calls} calls, faults: {string.Join(", ", proxy.Injected.Select(p => $"{p.Key} {p.Value}"))}; runner: {status}");
        output.WriteLine(string.Join("\n", indexer.Log.Take(10)));
        Assert.All(new[] { "drop", "5xx", "429", "truncated", "delay" }, kind => Assert.True(proxy.Injected.GetValueOrDefault(kind) > 0, $"no {kind} fault injected"));

        var cleanDb = await postgres.CreateDatabaseAsync();
        await using var clean = await RunningIndexer.StartAsync(cleanDb, deployment, TestChain.Reader(chain.Chain.RpcUrl), RunningIndexer.Options(stopBlock: head));
        Assert.Equal(RunnerState.Completed, await clean.Task);
        Assert.Equal(await StoreDump.DumpAsync(cleanDb, deployment.Id), await StoreDump.DumpAsync(db, deployment.Id));
    }
}
