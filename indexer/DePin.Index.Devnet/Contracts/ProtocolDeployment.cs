using DePin.Index.Devnet.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Devnet.Contracts;

/// <summary>
/// Deploys the protocol contracts (deploy/contracts/protocol, docs/protocol-spec.md) in order with our own signed
/// transactions. The names are the keys of <see cref="DevnetState.Contracts"/>.
/// </summary>
public static class ProtocolDeployment
{
    public const string ProtocolToken = nameof(ProtocolToken);
    public const string EpochManager = nameof(EpochManager);
    public const string SubgraphRegistry = nameof(SubgraphRegistry);
    public const string Curation = nameof(Curation);
    public const string Staking = nameof(Staking);
    public const string FeeSettlement = nameof(FeeSettlement);

    /// <summary>In deployment order.</summary>
    public static readonly IReadOnlyList<string> Names = [ProtocolToken, EpochManager, SubgraphRegistry, Curation, Staking, FeeSettlement];

    /// <summary>Deploys the six contracts; returns each one's address and deployment block.</summary>
    public static async Task<IReadOnlyDictionary<string, (Address Address, long Block)>> DeployAsync(
        EthRpc rpc, string buildDirectory, EthKey deployer, ProtocolParameters parameters, IProgress<string>? progress,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var artifacts = Names.ToDictionary(n => n, n => ContractArtifact.Load(buildDirectory, n));
        var sender = await TransactionSender.CreateAsync(rpc, [.. artifacts.Values.Select(a => a.Abi)], ct).ConfigureAwait(false);
        var addresses = new Dictionary<string, (Address, long)>(StringComparer.Ordinal);

        async Task<Address> Deploy(string name, params object?[] args)
        {
            var (address, block) = await sender.DeployAsync(deployer, artifacts[name].CreationCode(args), $"deploy {name}", ct).ConfigureAwait(false);
            progress?.Report($"contracts: {name} at {address} (block {block})");
            addresses[name] = (address, block);
            return address;
        }

        var p = parameters;
        var token = await Deploy(ProtocolToken).ConfigureAwait(false);
        var epochs = await Deploy(EpochManager, p.EpochLength).ConfigureAwait(false);
        var registry = await Deploy(SubgraphRegistry).ConfigureAwait(false);
        var curation = await Deploy(Curation, token, registry, p.CurationTaxPercentage, p.MinimumCurationDeposit).ConfigureAwait(false);
        var staking = await Deploy(Staking, token, epochs, registry, p.MinimumIndexerStake, p.ThawingPeriod, p.DelegationRatio,
            p.DelegationTaxPercentage, p.DelegationUnbondingPeriod, p.MinimumDelegation, p.QueryFeeCutCooldown).ConfigureAwait(false);
        await Deploy(FeeSettlement, token, staking, curation, registry, epochs, p.ProtocolPercentage, p.CurationPercentage,
            p.EscrowThawingPeriod).ConfigureAwait(false);
        return addresses;
    }
}
