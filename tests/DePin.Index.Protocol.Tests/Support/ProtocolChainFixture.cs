using System.Numerics;
using System.Text;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;
using DePin.Index.TestSupport;

namespace DePin.Index.Protocol.Tests.Support;

/// <summary>
/// One private anvil per test class with the whole protocol deployed (devnet parameters: The Graph's amounts and
/// percentages, short periods) and funded actors: ETH for gas and <see cref="ActorTokens"/> DPI each.
/// </summary>
public sealed class ProtocolChainFixture : IAsyncLifetime
{
    public static readonly BigInteger ActorTokens = TokenAmount.Tokens(10_000_000);

    private readonly AnvilFixture _anvil = new();

    public static ProtocolParameters Parameters { get; } = ProtocolParameters.Devnet;

    public EthRpc Rpc => _anvil.Rpc;
    public string BuildDirectory => _anvil.Paths.ContractsBuild;
    public ProtocolAddresses Addresses { get; private set; } = null!;
    public EthKey Deployer { get; } = DevnetContracts.OperatorKey();

    /// <summary>Funded keys: "indexer1", "indexer2", "delegator1", "delegator2", "curator1", "curator2", "payer1", "payer2", "other".</summary>
    public IReadOnlyDictionary<string, EthKey> Actors { get; } = new[]
    {
        "indexer1", "indexer2", "delegator1", "delegator2", "curator1", "curator2", "payer1", "payer2", "other",
    }.ToDictionary(n => n, n => EthKey.FromSeed(Encoding.UTF8.GetBytes("depin-protocol-tests/" + n)));

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        var client = await ProtocolClient.DeployAsync(Rpc, Deployer, Parameters, BuildDirectory);
        Addresses = client.Addresses;
        foreach (var key in Actors.Values)
        {
            await Rpc.SetBalanceAsync(key.Address, BigInteger.Pow(10, 24));
            await client.Token.MintAsync(Deployer, key.Address, ActorTokens);
        }
    }

    public Task<ProtocolClient> ConnectAsync() => ProtocolClient.ConnectAsync(Rpc, Addresses, BuildDirectory);

    public Task DisposeAsync() => _anvil.DisposeAsync();
}
