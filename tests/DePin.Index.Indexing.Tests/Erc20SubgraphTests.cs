using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Simulator;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// An ordinary ERC-20 subgraph (tests/fixtures/subgraphs/erc20, built by graph-cli, unchanged) pointed at the
/// RewardToken: its balances, supply and token metadata (read with ethereum.call) equal the chain's.
/// </summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class Erc20SubgraphTests(SimulatedChain chain)
{
    [Fact]
    public async Task Balances_supply_and_metadata_equal_the_chains()
    {
        var token = chain.Deployed[DepinContracts.RewardToken];
        var definition = BuiltManifest.Load(SubgraphBuild.Erc20Manifest, new Dictionary<string, (Address, long)> { ["Token"] = (token.Address, token.Block) });
        var store = new InMemoryEntitySource(definition.Schema);
        var calls = new EthRpcCallAdapter(chain.Rpc);
        using var subgraph = new SubgraphInstance(definition, store, new SubgraphInstanceOptions { Ethereum = calls });
        var last = chain.Second.LastBlock;
        var blocks = await new ChainLoader(chain.Rpc).LoadAsync(subgraph.DataSources, token.Block, last);
        await Indexer.RunAsync(subgraph, store, blocks);

        var abi = chain.Contracts.Abi(DepinContracts.RewardToken);
        var entity = Assert.Single(store.All("Token").Values);
        Assert.Equal(token.Address.ToHex(), entity["id"].ToString());
        Assert.Equal((string)(await CallAsync(abi, "name", last))[0], entity["name"].AsString());
        Assert.Equal((string)(await CallAsync(abi, "symbol", last))[0], entity["symbol"].AsString());
        Assert.Equal((int)(BigInteger)(await CallAsync(abi, "decimals", last))[0], entity["decimals"].AsInt());
        Assert.True(calls.Calls >= 3, "name, symbol and decimals come from eth_call");
        var supply = (BigInteger)(await CallAsync(abi, "totalSupply", last))[0];
        Assert.True(supply > 0);
        Assert.Equal(supply, entity["totalSupply"].AsBigInt());

        var transferLogs = await chain.Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = token.Block,
            ToBlock = last,
            Addresses = [token.Address],
            Topics = [[abi.GetEvent("Transfer").Topic0]],
        });
        Assert.Equal(transferLogs.Count, store.Count("Transfer"));
        Assert.Equal(transferLogs.Count, (long)entity["transferCount"].AsBigInt());
        Assert.Equal(SimulationTotals.Combine(chain.First, chain.Second).Events.GetValueOrDefault("Approval"), store.Count("Approval"));

        var balances = store.All("AccountBalance").Values.ToList();
        Assert.All(balances, b => Assert.True(store.All("Account").ContainsKey(b["account"].ToString())));
        var holders = 0;
        foreach (var balance in balances)
        {
            var account = new Address(balance["account"].AsBytes().Span);
            var onChain = (BigInteger)(await CallAsync(abi, "balanceOf", last, account))[0];
            Assert.Equal(onChain, balance["amount"].AsBigInt());
            holders += onChain > 0 ? 1 : 0;
        }

        Assert.Equal(supply, balances.Aggregate(BigInteger.Zero, (sum, b) => sum + b["amount"].AsBigInt()));
        Assert.Equal(holders, entity["holderCount"].AsInt());
    }

    private async Task<object[]> CallAsync(ContractAbi abi, string function, long block, params object[] args)
    {
        var f = abi.GetFunction(function);
        var output = await chain.Rpc.CallAsync(new CallRequest { To = chain.Contracts.Address(DepinContracts.RewardToken), Data = f.EncodeCall(args) }, block);
        return [.. f.DecodeOutput(output)];
    }
}
