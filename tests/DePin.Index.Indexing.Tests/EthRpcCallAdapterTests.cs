using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Runtime;
using DePin.Index.Simulator;

namespace DePin.Index.Indexing.Tests;

/// <summary>ethereum.call over anvil: results at the trigger's block (by hash), reverts reported as reverts.</summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class EthRpcCallAdapterTests(SimulatedChain chain)
{
    [Fact]
    public async Task Calls_answer_at_the_given_block_and_a_revert_is_a_revert()
    {
        var token = chain.Deployed[DepinContracts.RewardToken].Address;
        var abi = chain.Contracts.Abi(DepinContracts.RewardToken);
        var totalSupply = abi.GetFunction("totalSupply");
        var adapter = new EthRpcCallAdapter(chain.Rpc);
        var before = await chain.Rpc.GetBlockByNumberAsync(chain.First.FirstBlock - 1);
        var after = await chain.Rpc.GetBlockByNumberAsync(chain.Second.LastBlock);

        var atStart = adapter.Call(token, totalSupply.EncodeCall(), new BlockRef(before!.Number, before.Hash));
        var atEnd = adapter.Call(token, totalSupply.EncodeCall(), new BlockRef(after!.Number, after.Hash));
        Assert.False(atStart.Reverted);
        Assert.Equal(BigInteger.Zero, (BigInteger)totalSupply.DecodeOutput(atStart.ReturnData.Span)[0]);
        Assert.Equal(SimulationTotals.Combine(chain.First, chain.Second).RewardAmount, (BigInteger)totalSupply.DecodeOutput(atEnd.ReturnData.Span)[0]);

        // transferFrom without an allowance reverts; a selector the token lacks reverts too.
        var transferFrom = abi.GetFunction("transferFrom");
        var call = transferFrom.EncodeCall(ChainData.Address(0x42), ChainData.Address(0x43), BigInteger.One);
        Assert.True(adapter.Call(token, call, new BlockRef(after.Number, after.Hash)).Reverted);
        Assert.True(adapter.Call(token, FunctionAbi.Parse("function nope() returns (uint256)").EncodeCall(), new BlockRef(after.Number, after.Hash)).Reverted);
        Assert.Equal(4, adapter.Calls);

        Assert.False(adapter.GetCode(token, new BlockRef(after.Number, after.Hash)).IsEmpty);
        Assert.True(adapter.GetCode(ChainData.Address(0x42), new BlockRef(after.Number, after.Hash)).IsEmpty);
        Assert.True(adapter.GetBalance(DevnetContracts.OperatorKey().Address, new BlockRef(after.Number, after.Hash)) > 0);
    }
}
