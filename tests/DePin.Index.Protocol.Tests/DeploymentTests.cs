using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

/// <summary>Epochs, parameters read back, constructor checks, and the devnet's deployment recorded by name.</summary>
public sealed class DeploymentTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    [Fact]
    public async Task Parameters_read_back_equal_the_deployed_ones()
    {
        Assert.Equal(Params, await P.GetParametersAsync());
        var defaults = await ProtocolClient.DeployAsync(Chain.Rpc, Chain.Deployer, null, Chain.BuildDirectory);
        Assert.Equal(ProtocolParameters.TheGraphDefaults, await defaults.GetParametersAsync());
    }

    [Fact]
    public async Task Epochs_are_counted_in_blocks_from_the_deployment_block()
    {
        var start = await P.Epochs.StartBlockAsync();
        var length = await P.Epochs.EpochLengthAsync();
        Assert.Equal(Params.EpochLength, length);
        await MineAsync(length * 3 + 1);
        var e = await P.GetEpochAsync();
        Assert.Equal((e.CurrentBlock - start) / length, e.CurrentEpoch);
        Assert.Equal(start + e.CurrentEpoch * length, e.CurrentEpochStartBlock);
        Assert.InRange(e.BlocksUntilNextEpoch, 1, length);
        Assert.Equal(e.BlocksUntilNextEpoch, await P.Epochs.BlocksUntilNextEpochAsync());
        await MineAsync(e.BlocksUntilNextEpoch);
        Assert.Equal(e.CurrentEpoch + 1, await P.Epochs.CurrentEpochAsync());
    }

    [Theory]
    [InlineData("EpochManager", "ZeroEpochLength")]
    [InlineData("Curation", "InvalidPercentage")]
    [InlineData("Curation", "ZeroAmount")]
    [InlineData("Staking", "InvalidPercentage")]
    [InlineData("FeeSettlement", "InvalidPercentage")]
    public async Task Constructors_refuse_bad_parameters(string contract, string error)
    {
        var artifact = ContractArtifact.Load(Chain.BuildDirectory, contract);
        var a = Chain.Addresses.Token;
        object?[] args = (contract, error) switch
        {
            ("EpochManager", _) => [0],
            ("Curation", "InvalidPercentage") => [a, a, 1_000_001, 1],
            ("Curation", _) => [a, a, 10_000, 0],
            ("Staking", _) => [a, a, a, 1, 1, 16, 1_000_001, 1, 1, 1],
            _ => [a, a, a, a, a, 10_000, 1_000_001, 1],
        };
        var e = await Assert.ThrowsAsync<JsonRpcException>(() =>
            Chain.Rpc.EstimateGasAsync(new CallRequest { From = Chain.Deployer.Address, Data = artifact.CreationCode(args) }));
        Assert.Equal(error, artifact.Abi.DecodeRevert(e.DataBytes!).Name);
    }

    [Fact]
    public void Deployment_names_match_the_build_and_the_addresses()
    {
        Assert.Equal(6, ProtocolDeployment.Names.Count);
        foreach (var name in ProtocolDeployment.Names) Assert.NotNull(ContractArtifact.Load(Chain.BuildDirectory, name).Abi);
        Assert.Equal(ProtocolDeployment.Names.OrderBy(n => n), Chain.Addresses.ByName.Keys.OrderBy(n => n));
        Assert.Equal(6, Chain.Addresses.ByName.Values.Distinct().Count());
        Assert.DoesNotContain(Address.Zero, Chain.Addresses.ByName.Values);
    }

    [Fact]
    public async Task A_client_pointed_at_the_wrong_addresses_says_so()
    {
        var wrong = Chain.Addresses with { Staking = Address.Parse("0x00000000000000000000000000000000000000aa") };
        var p = await ProtocolClient.ConnectAsync(Chain.Rpc, wrong, Chain.BuildDirectory);
        var e = await Assert.ThrowsAsync<ProtocolException>(() => p.Staking.OwnStakeAsync(Indexer1.Address));
        Assert.Contains("is the protocol deployed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_decoding_of_unknown_errors_falls_back_to_the_raw_form()
    {
        var data = ErrorAbi.Parse("Weird(uint256)").Encode(7);
        var r = RevertDecoder.Decode(data, null);
        Assert.Equal(RevertKind.Unknown, r.Kind);
    }
}
