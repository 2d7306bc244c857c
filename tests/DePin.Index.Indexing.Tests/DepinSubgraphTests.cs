using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Simulator;
using Xunit.Abstractions;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// The DePIN subgraph, as graph-cli built it, indexing two simulations on anvil in memory: its entities add up
/// exactly to the simulator's totals after each run, and the token balances it tracks equal the chain's.
/// </summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class DepinSubgraphTests(SimulatedChain chain, ITestOutputHelper output)
{
    private static readonly string[] HandledEvents =
        ["DeviceRegistered", "DeviceTransferred", "DeviceDeactivated", "ProofSubmitted", "EpochAdvanced", "RewardPaid", "EnergyTraded", "Transfer"];

    [Fact]
    public async Task Entities_add_up_to_the_simulators_totals_after_each_run()
    {
        var definition = BuiltManifest.Load(SubgraphBuild.DepinManifest, chain.DepinDataSources());
        var store = new InMemoryEntitySource(definition.Schema);
        using var subgraph = new SubgraphInstance(definition, store);
        var loader = new ChainLoader(chain.Rpc);
        var start = definition.Manifest.DataSources.Min(d => d.Source.StartBlock);

        var handlers = await Indexer.RunAsync(subgraph, store, await loader.LoadAsync(subgraph.DataSources, start, chain.First.LastBlock));
        output.WriteLine($"run 1: blocks {start}..{chain.First.LastBlock}, {handlers} handlers, {store.ModificationCount} modifications, " +
            $"{chain.First.Devices} devices, {chain.First.Proofs} proofs, {chain.First.Rewards} rewards, {chain.First.Transfers} transfers, " +
            $"{chain.First.DevicesDeactivated} deactivated, {chain.First.Trades} trades");
        DepinTotals.AssertMatch(store, chain.First);
        Assert.Equal(HandledEvents.Sum(e => chain.First.Events.GetValueOrDefault(e)), handlers);
        Assert.True(chain.First.Transfers > 0 && chain.First.Trades > 0 && chain.First.DevicesDeactivated > 0, "the run should exercise every event");
        await AssertTokenBalancesAsync(store, chain.First.LastBlock);

        var both = SimulationTotals.Combine(chain.First, chain.Second);
        handlers += await Indexer.RunAsync(subgraph, store, await loader.LoadAsync(subgraph.DataSources, chain.First.LastBlock + 1, chain.Second.LastBlock));
        DepinTotals.AssertMatch(store, both);
        Assert.Equal(HandledEvents.Sum(e => both.Events.GetValueOrDefault(e)), handlers);
        await AssertTokenBalancesAsync(store, chain.Second.LastBlock);
        Assert.Equal(chain.Second.LastBlock, subgraph.LastBlock?.Number);
        Assert.Null(subgraph.Failure);
    }

    private async Task AssertTokenBalancesAsync(InMemoryEntitySource store, long block)
    {
        var token = chain.Contracts.Abi(DepinContracts.RewardToken);
        var at = chain.Contracts.Address(DepinContracts.RewardToken);
        var balanceOf = token.GetFunction("balanceOf");
        foreach (var owner in store.All("Owner").Values)
        {
            var address = new Address(owner["id"].AsBytes().Span);
            var balance = (BigInteger)balanceOf.DecodeOutput(await chain.Rpc.CallAsync(new CallRequest { To = at, Data = balanceOf.EncodeCall(address) }, block))[0];
            Assert.Equal(balance, owner["tokenBalance"].AsBigInt());
        }

        var totalSupply = token.GetFunction("totalSupply");
        var supply = (BigInteger)totalSupply.DecodeOutput(await chain.Rpc.CallAsync(new CallRequest { To = at, Data = totalSupply.EncodeCall() }, block))[0];
        Assert.Equal(supply, store.Get("NetworkStats", "network")!["tokenSupply"].AsBigInt());
    }
}
