using System.Globalization;
using DePin.Index.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing.Tests.Fixtures;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// dataSource.createWithContext, end to end with the Chain project's block stream: the template fixture
/// (subgraphs/templates) creates a RewardToken data source at the second run's first energy trade; graph-node runs the new data
/// source's triggers of the creating block after that block's other triggers (so transfers earlier in the block
/// count) and every later block's, never an earlier block's.
/// </summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class TemplateTests(SimulatedChain chain)
{
    [Fact]
    public async Task A_template_created_by_a_handler_indexes_its_contract_from_the_creating_block_on()
    {
        var market = chain.Deployed[DepinContracts.EnergyMarket];
        var token = chain.Deployed[DepinContracts.RewardToken];
        var definition = BuiltManifest.Load(SubgraphBuild.TemplatesManifest,
            new Dictionary<string, (Address, long)> { ["EnergyMarket"] = (market.Address, market.Block) },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                // Create the data source at the first trade of the second run: the first run's transfers come before it.
                ["EnergyMarket"] = new Dictionary<string, string> { ["token"] = token.Address.ToHex(), ["afterTrade"] = chain.First.Trades.ToString(CultureInfo.InvariantCulture) },
            });
        var store = new InMemoryEntitySource(definition.Schema);
        using var subgraph = new SubgraphInstance(definition, store);
        var last = chain.Second.LastBlock;
        var created = new List<DataSourceInstance>();

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using (var stream = new PollingBlockStream(new EthRpcChainReader(chain.Rpc), subgraph.DataSources, null,
            new BlockStreamOptions { PollInterval = TimeSpan.FromMilliseconds(20) }))
        {
            await foreach (var e in stream.ReadAllAsync(stop.Token))
            {
                var batch = Assert.IsType<ProcessBlocks>(e);
                foreach (var block in batch.Blocks)
                {
                    var changes = await subgraph.ProcessBlockAsync(block, stream.AddDataSourcesAsync, stop.Token);
                    store.Apply(changes);
                    created.AddRange(changes.CreatedDataSources);
                    if (changes.CreatedDataSources.Count > 0)
                    {
                        break;   // the rest of the batch was matched without the new data source
                    }
                }

                if (stream.Cursor is { } cursor && cursor.Number >= last)
                {
                    break;
                }
            }
        }

        var factory = Assert.Single(store.All("Factory").Values);
        var creationBlock = (long)factory["createdAtBlock"].AsBigInt();
        var ds = Assert.Single(created);
        Assert.Equal("RewardToken", ds.Name);
        Assert.Equal(token.Address, ds.Address);
        Assert.Equal(creationBlock, ds.CreationBlock);
        Assert.Equal(creationBlock, ds.StartBlock);
        Assert.Equal(chain.First.Trades + 1, (long)factory["createdByTrade"].AsBigInt());
        Assert.Equal($"trade {factory["createdByTrade"]}", ds.Context!["createdBy"].AsString());
        Assert.Equal([.. DataSourceInstance.FromManifest(definition.Manifest).Select(d => d.Name), "RewardToken"], subgraph.DataSources.Select(d => d.Name));

        var transferTopic = chain.Contracts.Abi(DepinContracts.RewardToken).GetEvent("Transfer").Topic0;
        var logs = await chain.Rpc.GetLogsAsync(new LogFilter { FromBlock = token.Block, ToBlock = last, Addresses = [token.Address], Topics = [[transferTopic]] });
        var expected = logs.Where(l => l.BlockNumber >= creationBlock).ToList();
        Assert.True(logs.Count > expected.Count, "the chain has transfers before the creating block, which the template must not see");
        var transfers = store.All("TokenTransfer").Values.ToList();
        Assert.Equal(expected.Count, transfers.Count);
        Assert.Equal(
            expected.Select(l => (l.BlockNumber, l.LogIndex)).Order(),
            transfers.Select(t => ((long)t["block"].AsBigInt(), (int)t["logIndex"].AsBigInt())).Order());
        Assert.All(transfers, t => Assert.Equal(token.Address.ToHex(), t["source"].ToString()));
        Assert.All(transfers, t => Assert.Equal(ds.Context!["createdBy"].AsString(), t["createdBy"].AsString()));
        var createdAt = (int)factory["createdAtLogIndex"].AsBigInt();
        Assert.Contains(transfers, t => (long)t["block"].AsBigInt() == creationBlock && (int)t["logIndex"].AsBigInt() < createdAt);
    }
}
