using System.Numerics;
using DePin.Index.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing.Tests.Fixtures;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// A subgraph whose handler aborts: the DePIN subgraph's wasm with only its RewardToken and EnergyMarket data
/// sources, so the first EnergyTraded names a device it never saw and <c>loadDevice</c> throws. The block's
/// earlier handlers (at least the trade's token Transfer) succeeded, yet nothing of that block may be kept.
/// </summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class FailureTests(SimulatedChain chain)
{
    [Fact]
    public async Task An_aborting_handler_fails_the_subgraph_at_its_block_and_keeps_none_of_the_blocks_changes()
    {
        var definition = BuiltManifest.Load(SubgraphBuild.DepinManifest, chain.DepinDataSources(DepinContracts.RewardToken, DepinContracts.EnergyMarket));
        var start = definition.Manifest.DataSources.Min(d => d.Source.StartBlock);
        var blocks = await new ChainLoader(chain.Rpc).LoadAsync(DataSourceInstance.FromManifest(definition.Manifest), start, chain.First.LastBlock);
        var failing = blocks.First(b => b.Triggers.Any(t => t.Handler == "handleEnergyTraded"));
        var firstTrade = failing.Triggers.First(t => t.Handler == "handleEnergyTraded");
        var before = failing.Triggers.TakeWhile(t => t != firstTrade).ToList();
        Assert.Contains(before, t => t.Handler == "handleTransfer");   // a successful handler runs first in the block

        var store = new InMemoryEntitySource(definition.Schema);
        using var subgraph = new SubgraphInstance(definition, store);
        await Indexer.RunAsync(subgraph, store, blocks.TakeWhile(b => b != failing));
        var network = store.Get("NetworkStats", "network")?.Clone();   // null when the failing block is the first with triggers
        var owners = store.All("Owner").ToDictionary(o => o.Key, o => o.Value.Clone());
        var modifications = store.ModificationCount;

        var error = Assert.Throws<IndexingException>(() => subgraph.ProcessBlock(failing));
        var deviceId = (BigInteger)chain.Contracts.Abi(DepinContracts.EnergyMarket).GetEvent("EnergyTraded").Decode(firstTrade.Log!.Topics, firstTrade.Log.Data)["sellerDeviceId"];
        Assert.True(error.IsDeterministic);
        Assert.Equal(failing.Ptr, error.Block);
        Assert.Equal("handleEnergyTraded", error.Handler);
        Assert.Equal("EnergyMarket", error.DataSource);
        Assert.Contains($"EnergyTraded for unknown device {deviceId}", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"block #{failing.Number} (", error.Message, StringComparison.Ordinal);
        Assert.Contains("handler 'handleEnergyTraded' of data source 'EnergyMarket'", error.Message, StringComparison.Ordinal);
        Assert.Same(error, subgraph.Failure);

        // Nothing of the failed block: the store still holds the previous block's state.
        Assert.Equal(modifications, store.ModificationCount);
        Assert.Equal(network, store.Get("NetworkStats", "network"));
        Assert.Equal(owners.Count, store.Count("Owner"));
        foreach (var (id, owner) in owners)
        {
            Assert.Equal(owner, store.Get("Owner", id));
        }

        // The cache is clean too: the same block on a healthy instance over the same store fails the same way.
        Assert.Throws<InvalidOperationException>(() => subgraph.ProcessBlock(blocks[^1]));
        using var again = new SubgraphInstance(definition, store);
        var second = Assert.Throws<IndexingException>(() => again.ProcessBlock(failing));
        Assert.Equal(error.Message, second.Message);
        Assert.Equal(modifications, store.ModificationCount);

        // A revert below the failed block clears the failure.
        subgraph.RevertTo(new BlockPtr(failing.Number - 1, Hash32.Zero));
        Assert.Null(subgraph.Failure);
    }

    [Fact]
    public async Task A_handler_that_runs_out_of_fuel_fails_deterministically_with_the_limit()
    {
        var definition = BuiltManifest.Load(SubgraphBuild.DepinManifest, chain.DepinDataSources(DepinContracts.DeviceRegistry));
        var registry = chain.Deployed[DepinContracts.DeviceRegistry];
        var blocks = await new ChainLoader(chain.Rpc).LoadAsync(DataSourceInstance.FromManifest(definition.Manifest), registry.Block, chain.First.LastBlock);
        var store = new InMemoryEntitySource(definition.Schema);
        using var subgraph = new SubgraphInstance(definition, store, new SubgraphInstanceOptions { Host = new Runtime.MappingHostOptions { FuelPerHandler = 2_000 } });
        var error = Assert.Throws<IndexingException>(() => subgraph.ProcessBlock(blocks[0]));
        Assert.True(error.IsDeterministic);
        Assert.Equal("handleDeviceRegistered", error.Handler);
        Assert.Contains("out of fuel", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, store.ModificationCount);
    }
}
