using System.Numerics;
using System.Text;
using DePin.Index.Cli.Commands.Protocol;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol;
using DePin.Index.TestSupport;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>
/// A private anvil with the protocol deployed by the teammate's helper (ProtocolClient.DeployAsync, devnet parameters),
/// recorded in a devnet folder's state.json as `depin devnet up` records it, and funded actors (ETH and DPI).
/// Tests snapshot the chain before and revert after, so each starts from the same state.
/// </summary>
public sealed class ProtocolCliChain : IAsyncLifetime
{
    public static readonly BigInteger ActorTokens = TokenAmount.Tokens(1_000_000);

    private readonly AnvilFixture _anvil = new();
    private DirectoryInfo? _dir;

    public ProtocolClient Client { get; private set; } = null!;

    public string DevnetDir => _dir!.FullName;

    public string KeystoreDir => Path.Combine(DevnetDir, "keystore");

    public Ethereum.Rpc.EthRpc Rpc => _anvil.Rpc;

    public IReadOnlyDictionary<string, EthKey> Actors { get; } = new[] { "indexer", "curator", "delegator", "payer", "poor" }
        .ToDictionary(n => n, n => EthKey.FromSeed(Encoding.UTF8.GetBytes("depin-cli-tests/" + n)));

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        _dir = Directory.CreateTempSubdirectory("depin-cli-tests-");
        var deployer = DevnetContracts.OperatorKey();
        Client = await ProtocolClient.DeployAsync(Rpc, deployer, ProtocolParameters.Devnet, _anvil.Paths.ContractsBuild);
        var state = new DevnetState
        {
            Dir = DevnetDir,
            Anvil = new ServiceRecord(0, _anvil.RpcUrl.Port, _anvil.RpcUrl.ToString().TrimEnd('/'), "", DateTimeOffset.UtcNow, "anvil", null),
        };
        foreach (var (name, address) in Client.Addresses.ByName) state.Contracts[name] = new DeployedContract(address.ToChecksumString(), 0);
        state.Save(DevnetDir);
        foreach (var (name, key) in Actors)
        {
            await Rpc.SetBalanceAsync(key.Address, BigInteger.Pow(10, 22));
            if (name != "poor") await Client.Token.MintAsync(deployer, key.Address, ActorTokens);
        }
    }

    /// <summary>The environment of a script acting as <paramref name="actor"/> (DEPIN_PRIVATE_KEY), with this chain's keystore folder.</summary>
    public CliEnvironment As(string actor, string? stdin = null) => CliEnvironment.With(
        new Dictionary<string, string> { [CliEnvironment.PrivateKey] = Convert.ToHexStringLower(Actors[actor].ExportPrivateKey()) },
        stdin, KeystoreDir);

    /// <summary>`--dir` of this devnet (RPC URL and contracts from its state.json).</summary>
    public string[] Args(params string[] args) => [.. args, "--dir", DevnetDir];

    public string Address(string actor) => Actors[actor].Address.ToChecksumString();

    /// <summary>A fresh client (its nonce cache must not outlive an evm_revert).</summary>
    public Task<ProtocolClient> ConnectAsync() => ProtocolClient.ConnectAsync(Rpc, Client.Addresses, _anvil.Paths.ContractsBuild);

    /// <summary>A deterministic deployment id for tests.</summary>
    public static DeploymentId Deployment(string name) => DeploymentId.FromBytes(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public async Task<string> SnapshotAsync() => await Rpc.EvmSnapshotAsync();

    public Task RevertAsync(string snapshot) => Rpc.EvmRevertAsync(snapshot);

    public static string Dpi(BigInteger wei) => TokenAmount.Format(wei);

    public async Task DisposeAsync()
    {
        await _anvil.DisposeAsync();
        _dir?.Delete(recursive: true);
    }
}
