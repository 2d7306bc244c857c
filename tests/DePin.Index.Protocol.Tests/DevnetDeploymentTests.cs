using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.TestSupport;

namespace DePin.Index.Protocol.Tests;

/// <summary>`depin devnet up`'s deployment step (DevnetContracts.EnsureDeployedAsync) deploys and records the protocol too.</summary>
public sealed class DevnetDeploymentTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-protocol-devnet-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Devnet_deploys_the_protocol_after_the_depin_contracts_and_records_it_in_state_json()
    {
        var options = new DevnetOptions { Dir = _dir.FullName, Paths = anvil.Paths };
        var state = new DevnetState
        {
            Dir = _dir.FullName,
            Anvil = new ServiceRecord(0, anvil.RpcUrl.Port, anvil.RpcUrl.ToString().TrimEnd('/'), "", DateTimeOffset.UtcNow, "anvil", null),
        };
        var progress = new List<string>();
        await DevnetContracts.EnsureDeployedAsync(options, state, new Progress<string>(progress.Add));

        var saved = DevnetState.Load(_dir.FullName)!;
        foreach (var name in DepinContracts.Names.Concat(ProtocolDeployment.Names)) Assert.True(saved.Contracts.ContainsKey(name), $"{name} is not recorded");
        var p = await ProtocolClient.ConnectAsync(anvil.Rpc, saved, anvil.Paths.ContractsBuild);
        Assert.Equal(ProtocolParameters.Devnet, await p.GetParametersAsync());
        Assert.True(await p.Token.IsMinterAsync(DevnetContracts.OperatorKey().Address)); // the devnet's faucet

        // a second `up` deploys nothing
        var head = await anvil.Rpc.BlockNumberAsync();
        await DevnetContracts.EnsureDeployedAsync(options, saved, null);
        Assert.Equal(head, await anvil.Rpc.BlockNumberAsync());

        // a devnet from before the protocol gets only the protocol added; the DePIN addresses stay
        var depinToken = saved.Contracts[DepinContracts.RewardToken];
        foreach (var name in ProtocolDeployment.Names) saved.Contracts.Remove(name);
        var updated = await DevnetContracts.EnsureDeployedAsync(options, saved, null);
        Assert.Equal(depinToken, updated.Contracts[DepinContracts.RewardToken]);
        Assert.NotEqual(p.Addresses.Staking.ToChecksumString(), updated.Contracts[ProtocolDeployment.Staking].Address);
        Assert.True(await (await ProtocolClient.ConnectAsync(anvil.Rpc, DevnetState.Load(_dir.FullName)!, anvil.Paths.ContractsBuild))
            .Epochs.EpochLengthAsync() == ProtocolParameters.Devnet.EpochLength);
    }
}
