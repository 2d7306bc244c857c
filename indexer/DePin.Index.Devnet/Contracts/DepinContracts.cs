using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Devnet.Contracts;

/// <summary>The deployed DePIN contracts of a chain: addresses from the devnet state, ABIs from deploy/build.</summary>
public sealed class DepinContracts
{
    public const string RewardToken = nameof(RewardToken);
    public const string DeviceRegistry = nameof(DeviceRegistry);
    public const string ProofOfPhysicalWork = nameof(ProofOfPhysicalWork);
    public const string RewardDistributor = nameof(RewardDistributor);
    public const string EnergyMarket = nameof(EnergyMarket);

    /// <summary>In deployment order.</summary>
    public static readonly IReadOnlyList<string> Names = [RewardToken, DeviceRegistry, ProofOfPhysicalWork, RewardDistributor, EnergyMarket];

    private readonly Dictionary<string, (Address Address, ContractArtifact Artifact)> _contracts;

    private DepinContracts(Dictionary<string, (Address, ContractArtifact)> contracts) => _contracts = contracts;

    public Address Address(string name) => Get(name).Address;
    public ContractAbi Abi(string name) => Get(name).Artifact.Abi;
    public IReadOnlyList<ContractAbi> AllAbis => [.. _contracts.Values.Select(c => c.Artifact.Abi)];

    /// <summary>Loads the ABIs and pairs them with the addresses recorded in the devnet state.</summary>
    public static DepinContracts Load(DevnetState state, string buildDirectory)
    {
        var map = new Dictionary<string, (Address, ContractArtifact)>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (!state.Contracts.TryGetValue(name, out var deployed))
                throw new DevnetException($"{name} is not deployed on this devnet: run `depin devnet up`");
            map[name] = (Ethereum.Primitives.Address.Parse(deployed.Address), ContractArtifact.Load(buildDirectory, name));
        }
        return new DepinContracts(map);
    }

    private (Address Address, ContractArtifact Artifact) Get(string name) =>
        _contracts.TryGetValue(name, out var c) ? c : throw new ArgumentException($"unknown contract {name}", nameof(name));
}
