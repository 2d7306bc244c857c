using System.Numerics;
using System.Text;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol;
using DePin.Index.TestSupport;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// A private anvil with the protocol deployed by the teammates' helper (<see cref="ProtocolDeployment"/>, devnet parameters:
/// The Graph's amounts and percentages, short periods), its typed client, and funded actors (ETH for gas, DPI from the
/// deployer, who is the token's minter).
/// </summary>
internal sealed class ProtocolChain : IAsyncDisposable
{
    public static readonly BigInteger ActorTokens = TokenAmount.Tokens(5_000_000);

    private readonly AnvilFixture _anvil;

    private ProtocolChain(AnvilFixture anvil, ProtocolClient client, IReadOnlyDictionary<string, (Address Address, long Block)> deployed,
        IReadOnlyList<EthKey> actors)
    {
        _anvil = anvil;
        Client = client;
        Deployed = deployed;
        Actors = actors;
    }

    private static readonly ProtocolParameters DeployedParameters = ProtocolParameters.Devnet;

    public EthKey Deployer { get; } = DevnetContracts.OperatorKey();

    /// <summary>The typed client (a new one after <see cref="ReconnectAsync"/>).</summary>
    public ProtocolClient Client { get; private set; }

    public Uri RpcUrl => _anvil.RpcUrl;

    /// <summary>Contract name → address and deployment block.</summary>
    public IReadOnlyDictionary<string, (Address Address, long Block)> Deployed { get; }

    /// <summary>Funded keys, deterministic per name.</summary>
    public IReadOnlyList<EthKey> Actors { get; }

    /// <param name="actors">How many funded keys to create.</param>
    public static async Task<ProtocolChain> StartAsync(int actors)
    {
        // build.sh compiles the contracts before it builds the subgraph: deploy/build is then current.
        _ = SubgraphBuild.NetworkBuild;
        var anvil = new AnvilFixture();
        await anvil.InitializeAsync();
        try
        {
            var deployer = DevnetContracts.OperatorKey();
            var dir = anvil.Paths.ContractsBuild;
            var deployed = await ProtocolDeployment.DeployAsync(anvil.Rpc, dir, deployer, DeployedParameters, null);
            var client = await ProtocolClient.ConnectAsync(anvil.Rpc, ProtocolAddresses.FromDeployment(deployed), dir);
            var keys = Enumerable.Range(0, actors).Select(i => EthKey.FromSeed(Encoding.UTF8.GetBytes($"network-subgraph-tests/{i}"))).ToList();
            foreach (var key in keys)
            {
                await anvil.Rpc.SetBalanceAsync(key.Address, BigInteger.Pow(10, 24));
                await client.Token.MintAsync(deployer, key.Address, ActorTokens);
            }

            return new ProtocolChain(anvil, client, deployed, keys);
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }
    }

    public Task<long> HeadAsync() => Client.Rpc.BlockNumberAsync();

    /// <summary>A fresh client (its transaction sender caches nonces, which an evm_revert makes stale).</summary>
    public async Task ReconnectAsync() =>
        Client = await ProtocolClient.ConnectAsync(_anvil.Rpc, Client.Addresses, _anvil.Paths.ContractsBuild);

    /// <summary>The parameters the protocol was deployed with.</summary>
    public ProtocolParameters Parameters() => DeployedParameters;

    public async ValueTask DisposeAsync() => await _anvil.DisposeAsync();
}
