using System.Numerics;
using DePin.Index.Devnet.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Devnet.Contracts;

/// <summary>
/// Deploys the DePIN contracts onto the devnet chain with our own signed transactions, once: a second `up`
/// finds them recorded (and LocalDevnet forgets them when the chain no longer has their code).
/// </summary>
public static class DevnetContracts
{
    /// <summary>
    /// anvil's first default account (from its public test mnemonic): the devnet's deployer and operator.
    /// A well-known development key, never a secret; DEPIN_DEPLOYER_KEY overrides it.
    /// </summary>
    public const string AnvilDefaultKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>Tokens minted per epoch by the RewardDistributor: 10,000 DPIN (18 decimals).</summary>
    public static readonly BigInteger RewardPerEpoch = 10_000 * BigInteger.Pow(10, 18);

    public static EthKey OperatorKey() =>
        EthKey.FromHex(Environment.GetEnvironmentVariable("DEPIN_DEPLOYER_KEY") is { Length: > 0 } k ? k : AnvilDefaultKey);

    public static async Task<DevnetState> EnsureDeployedAsync(DevnetOptions options, DevnetState state, IProgress<string>? progress,
        CancellationToken ct = default)
    {
        var depinDeployed = DepinContracts.Names.All(state.Contracts.ContainsKey);
        var protocolDeployed = depinDeployed && ProtocolDeployment.Names.All(state.Contracts.ContainsKey);
        if (depinDeployed && protocolDeployed)
        {
            progress?.Report("contracts: already deployed");
            return state;
        }
        var rpcUrl = state.RpcUrl ?? throw new DevnetException("anvil is not running: no RPC URL in the devnet state");
        using var client = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(rpcUrl) });
        var rpc = new EthRpc(client);
        if (!depinDeployed)
        {
            var deployed = await DeployAsync(rpc, options.ResolvePaths().ContractsBuild, OperatorKey(), progress, ct).ConfigureAwait(false);
            state.ClearContracts();
            foreach (var (name, (address, block)) in deployed.Contracts) state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
            state.Deployer = OperatorKey().Address.ToChecksumString();
            state.DeployedAtBlock = deployed.FirstBlock;
        }
        // The protocol contracts (docs/protocol-spec.md), with the devnet's short periods.
        var protocol = await ProtocolDeployment.DeployAsync(rpc, options.ResolvePaths().ContractsBuild, OperatorKey(), ProtocolParameters.Devnet,
            progress, ct).ConfigureAwait(false);
        foreach (var (name, (address, block)) in protocol) state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
        state.Save(options.ResolveDir());
        return state;
    }

    /// <summary>Deploys the five contracts in order and wires the token's minter. Returns addresses, blocks and the first block.</summary>
    public static async Task<(IReadOnlyDictionary<string, (Address Address, long Block)> Contracts, long FirstBlock)> DeployAsync(
        EthRpc rpc, string buildDirectory, EthKey deployer, IProgress<string>? progress, CancellationToken ct = default)
    {
        var artifacts = DepinContracts.Names.ToDictionary(n => n, n => ContractArtifact.Load(buildDirectory, n));
        var sender = await TransactionSender.CreateAsync(rpc, [.. artifacts.Values.Select(a => a.Abi)], ct).ConfigureAwait(false);
        var addresses = new Dictionary<string, (Address, long)>(StringComparer.Ordinal);
        long firstBlock = long.MaxValue;

        async Task<Address> Deploy(string name, params object?[] args)
        {
            var (address, block) = await sender.DeployAsync(deployer, artifacts[name].CreationCode(args), $"deploy {name}", ct).ConfigureAwait(false);
            progress?.Report($"contracts: {name} at {address} (block {block})");
            addresses[name] = (address, block);
            firstBlock = Math.Min(firstBlock, block);
            return address;
        }

        var token = await Deploy(DepinContracts.RewardToken).ConfigureAwait(false);
        var registry = await Deploy(DepinContracts.DeviceRegistry).ConfigureAwait(false);
        var proofs = await Deploy(DepinContracts.ProofOfPhysicalWork, registry).ConfigureAwait(false);
        var distributor = await Deploy(DepinContracts.RewardDistributor, token, registry, proofs, RewardPerEpoch).ConfigureAwait(false);
        await Deploy(DepinContracts.EnergyMarket, token, registry).ConfigureAwait(false);

        var setMinter = artifacts[DepinContracts.RewardToken].Abi.EncodeCall("setMinter", distributor);
        await sender.SendAsync(deployer, token, setMinter, 200_000, "RewardToken.setMinter", ct: ct).ConfigureAwait(false);
        await sender.ConfirmAsync(ct).ConfigureAwait(false);
        return (addresses, firstBlock);
    }
}
